-- Public events' timelines, append only: an update is inserted once and never rewritten.
CREATE TABLE hub_event_updates (
    event_id              varchar(64) NOT NULL,
    seq                   bigint      NOT NULL,
    statement_id          varchar(32) NOT NULL,
    text                  text        NOT NULL,
    published_at          timestamptz NOT NULL,
    kind                  varchar(16) NOT NULL,
    corrects_statement_id varchar(32),
    corrects_seq          bigint,
    rumour                text,
    PRIMARY KEY (event_id, seq)
);
