-- Issue 4 (follow-up in depth): routing rules, team leads and strategies, owners away, SLA and
-- escalation, threaded conversation with a per-case reply address, inbound mail triage, notes,
-- reply templates, an audit trail and a maintained root-cause taxonomy.

ALTER TABLE fup_team ADD COLUMN lead_user_id VARCHAR(36);
ALTER TABLE fup_team ADD COLUMN strategy VARCHAR(20) NOT NULL DEFAULT 'ROUND_ROBIN';

CREATE TABLE fup_owner_status (
  user_id VARCHAR(36) NOT NULL PRIMARY KEY,
  away BOOLEAN NOT NULL
);

CREATE TABLE fup_routing_rule (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  position INTEGER NOT NULL,
  name VARCHAR(100) NOT NULL,
  survey_id VARCHAR(36),
  question_key VARCHAR(60),
  score_min INTEGER,
  score_max INTEGER,
  attribute_name VARCHAR(60),
  attribute_values VARCHAR(1000),
  keywords VARCHAR(1000),
  target_team_id VARCHAR(36),
  target_owner_id VARCHAR(36),
  active BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX fup_routing_rule_order ON fup_routing_rule (position);

ALTER TABLE fup_case ADD COLUMN priority VARCHAR(10) NOT NULL DEFAULT 'NORMAL';
ALTER TABLE fup_case ADD COLUMN due_at BIGINT;
UPDATE fup_case SET priority = 'HIGH' WHERE score IS NOT NULL AND score <= 6;
UPDATE fup_case SET due_at = created_at + 86400000 WHERE priority = 'HIGH';
UPDATE fup_case SET due_at = created_at + 259200000 WHERE due_at IS NULL;
ALTER TABLE fup_case ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fup_case ADD COLUMN escalated_at BIGINT;
ALTER TABLE fup_case ADD COLUMN reply_token VARCHAR(40);
ALTER TABLE fup_case ADD CONSTRAINT fup_case_reply_token UNIQUE (reply_token);
ALTER TABLE fup_case ADD COLUMN thread_message_id VARCHAR(200);
ALTER TABLE fup_case ADD COLUMN reopened_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX fup_case_due ON fup_case (status, due_at);
CREATE INDEX fup_case_team ON fup_case (team_id, status);
CREATE INDEX fup_case_contact ON fup_case (contact_id);

ALTER TABLE fup_case_message ADD COLUMN subject VARCHAR(300);
ALTER TABLE fup_case_message ADD COLUMN sender VARCHAR(300);

CREATE TABLE fup_case_event (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL REFERENCES fup_case (id),
  occurred_at BIGINT NOT NULL,
  actor_id VARCHAR(36),
  kind VARCHAR(30) NOT NULL,
  detail VARCHAR(2000)
);
CREATE INDEX fup_case_event_case ON fup_case_event (case_id, occurred_at);

CREATE TABLE fup_reply_template (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  body VARCHAR(5000) NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fup_reply_template_name UNIQUE (name)
);

CREATE TABLE fup_triage_mail (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  received_at BIGINT NOT NULL,
  sender VARCHAR(300),
  subject VARCHAR(300),
  body VARCHAR(32000),
  message_id VARCHAR(300),
  reason VARCHAR(300) NOT NULL,
  status VARCHAR(12) NOT NULL,
  case_id VARCHAR(36)
);
CREATE INDEX fup_triage_mail_status ON fup_triage_mail (status, received_at);

ALTER TABLE fup_root_cause ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
