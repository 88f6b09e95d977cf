CREATE TABLE svy_survey (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  intro VARCHAR(1000),
  thank_you VARCHAR(1000),
  status VARCHAR(12) NOT NULL,
  created_at BIGINT NOT NULL,
  published_at BIGINT
);

CREATE TABLE svy_question (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  survey_id VARCHAR(36) NOT NULL REFERENCES svy_survey (id),
  position INTEGER NOT NULL,
  question_key VARCHAR(60) NOT NULL,
  question_type VARCHAR(20) NOT NULL,
  prompt VARCHAR(500) NOT NULL,
  required BOOLEAN NOT NULL,
  CONSTRAINT svy_question_key UNIQUE (survey_id, question_key)
);

CREATE TABLE svy_contact (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  email_key VARCHAR(254) NOT NULL,
  name VARCHAR(200),
  created_at BIGINT NOT NULL,
  CONSTRAINT svy_contact_email UNIQUE (email_key)
);

CREATE TABLE svy_contact_attribute (
  contact_id VARCHAR(36) NOT NULL REFERENCES svy_contact (id),
  name VARCHAR(60) NOT NULL,
  attr_value VARCHAR(500) NOT NULL,
  PRIMARY KEY (contact_id, name)
);

CREATE TABLE svy_distribution (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  survey_id VARCHAR(36) NOT NULL REFERENCES svy_survey (id),
  created_at BIGINT NOT NULL,
  invited INTEGER NOT NULL,
  skipped INTEGER NOT NULL
);

CREATE TABLE svy_invitation (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  survey_id VARCHAR(36) NOT NULL REFERENCES svy_survey (id),
  distribution_id VARCHAR(36) NOT NULL REFERENCES svy_distribution (id),
  contact_id VARCHAR(36) NOT NULL REFERENCES svy_contact (id),
  token_hash VARCHAR(64) NOT NULL,
  message_id VARCHAR(200),
  created_at BIGINT NOT NULL,
  answered_at BIGINT,
  CONSTRAINT svy_invitation_token UNIQUE (token_hash),
  CONSTRAINT svy_invitation_once UNIQUE (survey_id, contact_id)
);

CREATE TABLE svy_response (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  survey_id VARCHAR(36) NOT NULL REFERENCES svy_survey (id),
  invitation_id VARCHAR(36) NOT NULL REFERENCES svy_invitation (id),
  contact_id VARCHAR(36) NOT NULL REFERENCES svy_contact (id),
  submitted_at BIGINT NOT NULL,
  CONSTRAINT svy_response_once UNIQUE (invitation_id)
);
CREATE INDEX svy_response_survey ON svy_response (survey_id, submitted_at);

CREATE TABLE svy_answer (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  response_id VARCHAR(36) NOT NULL REFERENCES svy_response (id),
  survey_id VARCHAR(36) NOT NULL,
  question_key VARCHAR(60) NOT NULL,
  question_type VARCHAR(20) NOT NULL,
  score INTEGER,
  text_value VARCHAR(5000)
);
CREATE INDEX svy_answer_survey ON svy_answer (survey_id, question_type);
CREATE INDEX svy_answer_response ON svy_answer (response_id);
