-- Reports read these facts, never the survey or follow-up tables: they are written in the same
-- transaction as the event they record (InvitationCreated, ResponseSubmitted, CaseChanged).

CREATE TABLE rpt_invitation (
  invitation_id VARCHAR(36) NOT NULL PRIMARY KEY,
  survey_id VARCHAR(36) NOT NULL,
  contact_id VARCHAR(36) NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX rpt_invitation_survey ON rpt_invitation (survey_id, created_at);

CREATE TABLE rpt_response (
  response_id VARCHAR(36) NOT NULL PRIMARY KEY,
  survey_id VARCHAR(36) NOT NULL,
  contact_id VARCHAR(36) NOT NULL,
  submitted_at BIGINT NOT NULL,
  nps_score INTEGER,
  csat_score INTEGER,
  ces_score INTEGER,
  comments INTEGER NOT NULL
);
CREATE INDEX rpt_response_survey ON rpt_response (survey_id, submitted_at);
CREATE INDEX rpt_response_time ON rpt_response (submitted_at);

CREATE TABLE rpt_case (
  case_id VARCHAR(36) NOT NULL PRIMARY KEY,
  response_id VARCHAR(36) NOT NULL,
  survey_id VARCHAR(36) NOT NULL,
  contact_id VARCHAR(36) NOT NULL,
  question_key VARCHAR(60) NOT NULL,
  comment_text VARCHAR(5000),
  score INTEGER,
  team_id VARCHAR(36),
  owner_id VARCHAR(36),
  status VARCHAR(12) NOT NULL,
  priority VARCHAR(12),
  opened_at BIGINT NOT NULL,
  due_at BIGINT,
  first_reply_at BIGINT,
  closed_at BIGINT,
  root_cause VARCHAR(60),
  escalation_level INTEGER NOT NULL
);
CREATE INDEX rpt_case_survey ON rpt_case (survey_id, opened_at);
CREATE INDEX rpt_case_owner ON rpt_case (owner_id, opened_at);
CREATE INDEX rpt_case_team ON rpt_case (team_id, opened_at);
CREATE INDEX rpt_case_opened ON rpt_case (opened_at);

-- The contact's attributes as last seen when they were invited or answered: the segments.
CREATE TABLE rpt_contact_segment (
  contact_id VARCHAR(36) NOT NULL,
  attr_name VARCHAR(60) NOT NULL,
  attr_value VARCHAR(500) NOT NULL,
  PRIMARY KEY (contact_id, attr_name)
);
CREATE INDEX rpt_contact_segment_attr ON rpt_contact_segment (attr_name, attr_value);
