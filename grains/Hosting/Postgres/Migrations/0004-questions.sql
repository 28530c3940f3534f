-- Live Q&A boards: each question on its own row, each vote on its own row, so a vote
-- never rewrites the board. A question's text and status are written with Orleans'
-- version-tolerant serializer; one vote per citizen per question is the primary key.
CREATE TABLE hub_questions (
    event_id    varchar(64) NOT NULL,
    question_id varchar(32) NOT NULL,
    record      bytea       NOT NULL,
    PRIMARY KEY (event_id, question_id)
);

CREATE TABLE hub_question_votes (
    event_id    varchar(64) NOT NULL,
    question_id varchar(32) NOT NULL,
    citizen_id  varchar(64) NOT NULL,
    PRIMARY KEY (event_id, question_id, citizen_id)
);
