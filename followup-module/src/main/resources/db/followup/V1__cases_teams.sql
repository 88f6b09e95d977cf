CREATE TABLE fup_team (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  assignments BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fup_team_name UNIQUE (name)
);

CREATE TABLE fup_team_member (
  team_id VARCHAR(36) NOT NULL REFERENCES fup_team (id),
  user_id VARCHAR(36) NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE fup_settings (
  id VARCHAR(20) NOT NULL PRIMARY KEY,
  fallback_owner_id VARCHAR(36)
);
INSERT INTO fup_settings (id, fallback_owner_id) VALUES ('global', NULL);

CREATE TABLE fup_survey_routing (
  survey_id VARCHAR(36) NOT NULL PRIMARY KEY,
  default_team_id VARCHAR(36) REFERENCES fup_team (id)
);

CREATE TABLE fup_root_cause (
  code VARCHAR(40) NOT NULL PRIMARY KEY,
  label VARCHAR(100) NOT NULL,
  position INTEGER NOT NULL
);
INSERT INTO fup_root_cause (code, label, position) VALUES ('PRODUCT_DEFECT', 'Product defect', 1);
INSERT INTO fup_root_cause (code, label, position) VALUES ('USABILITY', 'Hard to use', 2);
INSERT INTO fup_root_cause (code, label, position) VALUES ('BILLING', 'Billing or pricing', 3);
INSERT INTO fup_root_cause (code, label, position) VALUES ('DELIVERY', 'Delivery or availability', 4);
INSERT INTO fup_root_cause (code, label, position) VALUES ('SUPPORT', 'Support experience', 5);
INSERT INTO fup_root_cause (code, label, position) VALUES ('MISSING_FEATURE', 'Missing feature', 6);
INSERT INTO fup_root_cause (code, label, position) VALUES ('PRAISE', 'Praise, nothing to fix', 7);
INSERT INTO fup_root_cause (code, label, position) VALUES ('OTHER', 'Other', 8);

CREATE TABLE fup_case (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  response_id VARCHAR(36) NOT NULL,
  survey_id VARCHAR(36) NOT NULL,
  contact_id VARCHAR(36) NOT NULL,
  question_key VARCHAR(60) NOT NULL,
  comment_text VARCHAR(5000) NOT NULL,
  score INTEGER,
  owner_id VARCHAR(36) NOT NULL,
  team_id VARCHAR(36),
  routed_by VARCHAR(40) NOT NULL,
  status VARCHAR(12) NOT NULL,
  root_cause VARCHAR(40) REFERENCES fup_root_cause (code),
  resolution VARCHAR(2000),
  created_at BIGINT NOT NULL,
  first_reply_at BIGINT,
  closed_at BIGINT,
  CONSTRAINT fup_case_per_comment UNIQUE (response_id, question_key)
);
CREATE INDEX fup_case_owner ON fup_case (owner_id, status);
CREATE INDEX fup_case_survey ON fup_case (survey_id, status);

CREATE TABLE fup_case_message (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL REFERENCES fup_case (id),
  direction VARCHAR(10) NOT NULL,
  author_id VARCHAR(36),
  body VARCHAR(10000) NOT NULL,
  message_id VARCHAR(200),
  created_at BIGINT NOT NULL
);
CREATE INDEX fup_case_message_case ON fup_case_message (case_id, created_at);
