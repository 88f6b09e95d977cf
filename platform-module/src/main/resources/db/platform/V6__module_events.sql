-- The module-event log: an event is written in the business transaction, one row for each listener
-- that takes its type, and deleted in the transaction that applies it to that listener. So a row is
-- exactly "not yet applied to this listener", and a crash mid-batch rolls back the listener's
-- writes together with the deletes. seq orders the events: a writer publishes while it holds the
-- aggregate's row lock, so one aggregate's events get increasing numbers in commit order.
CREATE TABLE plt_event (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id VARCHAR(36) NOT NULL,
  listener VARCHAR(60) NOT NULL,
  event_type VARCHAR(60) NOT NULL,
  aggregate_id VARCHAR(36) NOT NULL,
  payload VARCHAR(32000) NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  last_error VARCHAR(1000),
  parked_at BIGINT
);
CREATE INDEX plt_event_queue ON plt_event (listener, seq);

-- One row per listener: which server applies its events (lease), how far it got, and its failures.
CREATE TABLE plt_event_listener (
  listener VARCHAR(60) NOT NULL PRIMARY KEY,
  lease_owner VARCHAR(36),
  lease_until BIGINT NOT NULL,
  applied BIGINT NOT NULL,
  last_event_at BIGINT,
  last_applied_at BIGINT,
  failures INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_error VARCHAR(1000)
);
