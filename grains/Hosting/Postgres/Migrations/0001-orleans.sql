-- Orleans' ADO.NET providers (clustering, grain state, reminders) on PostgreSQL.
-- The providers read the statements they run from orleansquery, by key, with their own
-- parameter names (@DeploymentId, @GrainIdHash, ...); every parameter is cast here so that
-- a null never leaves PostgreSQL guessing its type.

CREATE TABLE orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);

-- Cluster membership: one version row per cluster guards every change (optimistic concurrency).
CREATE TABLE hub_membership_version (
    deployment_id varchar(150) PRIMARY KEY,
    version       integer      NOT NULL,
    changed_at    timestamptz  NOT NULL
);

CREATE TABLE hub_membership (
    deployment_id   varchar(150) NOT NULL REFERENCES hub_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150),
    host_name       varchar(150),
    status          integer      NOT NULL,
    proxy_port      integer,
    suspect_times   text,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Inserts a silo only if the cluster's version is the one the caller read, and moves the
-- version on in the same transaction: two silos can never both win with one version.
CREATE FUNCTION hub_insert_member(
    p_deployment_id text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
    p_status integer, p_proxy_port integer, p_start_time timestamptz, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version FROM hub_membership_version WHERE deployment_id = p_deployment_id FOR UPDATE;
    IF current_version IS DISTINCT FROM p_version THEN
        RETURN false;
    END IF;
    INSERT INTO hub_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
            p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    UPDATE hub_membership_version SET version = version + 1, changed_at = now() WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

CREATE FUNCTION hub_update_member(
    p_deployment_id text, p_address text, p_port integer, p_generation integer, p_status integer,
    p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version FROM hub_membership_version WHERE deployment_id = p_deployment_id FOR UPDATE;
    IF current_version IS DISTINCT FROM p_version THEN
        RETURN false;
    END IF;
    UPDATE hub_membership
       SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    UPDATE hub_membership_version SET version = version + 1, changed_at = now() WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

-- Grain state: one row per grain and state name, with a version as its ETag.
CREATE TABLE hub_grain_state (
    service_id         varchar(150) NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_type         text         NOT NULL,
    grain_id_hash      integer      NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension text,
    payload            bytea,
    version            integer      NOT NULL,
    modified_at        timestamptz  NOT NULL,
    UNIQUE NULLS NOT DISTINCT (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- Reminders: durable wake-ups, spread over the silos by grain hash ranges.
CREATE TABLE hub_reminders (
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period        bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX hub_reminders_by_hash ON hub_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO hub_membership_version (deployment_id, version, changed_at)
    VALUES (@DeploymentId::text, 0, now())
    ON CONFLICT DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created)
$q$),

('InsertMembershipKey', $q$
SELECT hub_insert_member(@DeploymentId::text, @Address::text, @Port::integer, @Generation::integer, @SiloName::text,
    @HostName::text, @Status::integer, @ProxyPort::integer, @StartTime::timestamptz, @IAmAliveTime::timestamptz,
    @Version::integer)
$q$),

('UpdateMembershipKey', $q$
SELECT hub_update_member(@DeploymentId::text, @Address::text, @Port::integer, @Generation::integer, @Status::integer,
    @SuspectTimes::text, @IAmAliveTime::timestamptz, @Version::integer)
$q$),

('UpdateIAmAlivetimeKey', $q$
UPDATE hub_membership SET i_am_alive_time = @IAmAliveTime::timestamptz
 WHERE deployment_id = @DeploymentId::text AND address = @Address::text AND port = @Port::integer
   AND generation = @Generation::integer
$q$),

('MembershipReadAllKey', $q$
SELECT v.version AS Version, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
  FROM hub_membership_version v
  LEFT JOIN hub_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId::text
$q$),

('MembershipReadRowKey', $q$
SELECT v.version AS Version, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
  FROM hub_membership_version v
  LEFT JOIN hub_membership m ON m.deployment_id = v.deployment_id AND m.address = @Address::text
       AND m.port = @Port::integer AND m.generation = @Generation::integer
 WHERE v.deployment_id = @DeploymentId::text
$q$),

('GatewaysQueryKey', $q$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
  FROM hub_membership
 WHERE deployment_id = @DeploymentId::text AND status = @Status::integer AND proxy_port > 0
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM hub_membership_version WHERE deployment_id = @DeploymentId::text
$q$),

('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM hub_membership
 WHERE deployment_id = @DeploymentId::text AND i_am_alive_time < @IAmAliveTime::timestamptz AND status = 6
$q$),

('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary, version AS Version
  FROM hub_grain_state
 WHERE service_id = @ServiceId::text AND grain_type_hash = @GrainTypeHash::integer AND grain_id_hash = @GrainIdHash::integer
   AND grain_type = @GrainTypeString::text AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::text
$q$),

('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE hub_grain_state
       SET payload = @PayloadBinary::bytea, version = version + 1, modified_at = now()
     WHERE @GrainStateVersion::integer IS NOT NULL
       AND service_id = @ServiceId::text AND grain_type_hash = @GrainTypeHash::integer AND grain_id_hash = @GrainIdHash::integer
       AND grain_type = @GrainTypeString::text AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::text
       AND version = @GrainStateVersion::integer
    RETURNING version),
created AS (
    INSERT INTO hub_grain_state (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1,
                                 grain_id_extension, payload, version, modified_at)
    SELECT @ServiceId::text, @GrainTypeHash::integer, @GrainTypeString::text, @GrainIdHash::integer, @GrainIdN0::bigint,
           @GrainIdN1::bigint, @GrainIdExtensionString::text, @PayloadBinary::bytea, 1, now()
     WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM created LIMIT 1) AS NewGrainStateVersion
$q$),

('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE hub_grain_state
       SET payload = NULL, version = version + 1, modified_at = now()
     WHERE service_id = @ServiceId::text AND grain_type_hash = @GrainTypeHash::integer AND grain_id_hash = @GrainIdHash::integer
       AND grain_type = @GrainTypeString::text AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::text
       AND version = @GrainStateVersion::integer
    RETURNING version)
SELECT (SELECT version FROM cleared) AS NewGrainStateVersion
$q$),

('UpsertReminderRowKey', $q$
INSERT INTO hub_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId::text, @GrainId::text, @ReminderName::text, @StartTime::timestamptz, @Period::bigint,
        @GrainHash::integer, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time, period = EXCLUDED.period, grain_hash = EXCLUDED.grain_hash,
       version = hub_reminders.version + 1
RETURNING version AS Version
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
  FROM hub_reminders
 WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
  FROM hub_reminders
 WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text AND reminder_name = @ReminderName::text
$q$),

('ReadRangeRows1Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
  FROM hub_reminders
 WHERE service_id = @ServiceId::text AND grain_hash > @BeginHash::integer AND grain_hash <= @EndHash::integer
$q$),

('ReadRangeRows2Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
  FROM hub_reminders
 WHERE service_id = @ServiceId::text AND (grain_hash > @BeginHash::integer OR grain_hash <= @EndHash::integer)
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM hub_reminders
     WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text AND reminder_name = @ReminderName::text
       AND version = @Version::integer
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted)
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM hub_reminders WHERE service_id = @ServiceId::text
$q$);
