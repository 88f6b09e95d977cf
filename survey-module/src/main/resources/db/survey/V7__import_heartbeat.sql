-- Several servers share the database: a running contact import names the server instance running
-- it (a random id per server start) and when that server last showed it was still at work (epoch
-- millis, renewed every batch and every verbatim.imports.heartbeat-seconds). Only an import whose
-- heartbeat is older than verbatim.imports.stale-after-seconds is failed as abandoned; imports
-- from before this version have neither, and count from their created_at.
ALTER TABLE svy_contact_import ADD COLUMN owner_id VARCHAR(36);
ALTER TABLE svy_contact_import ADD COLUMN heartbeat_at BIGINT;
