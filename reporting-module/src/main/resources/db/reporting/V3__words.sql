-- The customers' own words: terms extracted from each comment (search and themes), who revealed
-- a masked comment, and the perception-gap predictions.

-- One row per distinct term (stemmed word or two-word phrase) of a case's comment, with the case's
-- survey and opening time copied so themes and search never join the big case table to count.
CREATE TABLE rpt_case_term (
  case_id VARCHAR(36) NOT NULL,
  term VARCHAR(120) NOT NULL,
  survey_id VARCHAR(36) NOT NULL,
  opened_at BIGINT NOT NULL,
  PRIMARY KEY (case_id, term)
);
CREATE INDEX rpt_case_term_term ON rpt_case_term (term, opened_at);
CREATE INDEX rpt_case_term_opened ON rpt_case_term (opened_at);

-- Cases whose comment has been tokenized (a comment of stop words only has no term rows).
CREATE TABLE rpt_case_tokenized (
  case_id VARCHAR(36) NOT NULL PRIMARY KEY,
  opened_at BIGINT NOT NULL
);

CREATE TABLE rpt_reveal (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL,
  staff_id VARCHAR(36) NOT NULL,
  staff_name VARCHAR(200) NOT NULL,
  revealed_at BIGINT NOT NULL
);
CREATE INDEX rpt_reveal_time ON rpt_reveal (revealed_at);

CREATE TABLE rpt_prediction_round (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  survey_id VARCHAR(36) NOT NULL,
  period_from VARCHAR(10) NOT NULL,
  period_to VARCHAR(10) NOT NULL,
  created_by VARCHAR(36) NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE rpt_prediction (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  round_id VARCHAR(36) NOT NULL,
  staff_id VARCHAR(36) NOT NULL,
  predicted_nps INTEGER NOT NULL,
  top_complaint VARCHAR(500) NOT NULL,
  submitted_at BIGINT NOT NULL,
  CONSTRAINT rpt_prediction_once UNIQUE (round_id, staff_id)
);
