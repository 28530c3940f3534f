-- The security log, append only: entries are inserted and never changed or removed, which
-- the triggers below enforce for every client of the database, not just the hub.
CREATE TABLE hub_security_log (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz  NOT NULL,
    kind           varchar(128) NOT NULL,
    actor_id       varchar(128) NOT NULL,
    actor_name     varchar(200) NOT NULL,
    account_id     varchar(128),
    subject        varchar(200) NOT NULL,
    client_address varchar(128),
    detail         varchar(500)
);

-- Inspectors read their accounts' entries, newest first; admins read everything the same way.
CREATE INDEX hub_security_log_by_account ON hub_security_log (account_id, at DESC);
CREATE INDEX hub_security_log_by_time ON hub_security_log (at DESC);

CREATE FUNCTION hub_security_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'hub_security_log is append only';
END
$$;

CREATE TRIGGER hub_security_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON hub_security_log
    FOR EACH STATEMENT EXECUTE FUNCTION hub_security_log_refuse_change();
