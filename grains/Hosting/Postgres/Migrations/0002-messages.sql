-- Conversation messages, append only: a message is inserted once and never rewritten.
CREATE TABLE hub_messages (
    conversation_id   varchar(64)  NOT NULL,
    seq               bigint       NOT NULL,
    client_message_id varchar(128) NOT NULL,
    sender_id         varchar(64)  NOT NULL,
    sender_role       varchar(16)  NOT NULL,
    text              text         NOT NULL,
    sent_at           timestamptz  NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (conversation_id, sender_id, client_message_id)
);
