CREATE TABLE svy_survey_version (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  survey_id VARCHAR(36) NOT NULL REFERENCES svy_survey (id),
  version_no INTEGER NOT NULL,
  title VARCHAR(200) NOT NULL,
  intro VARCHAR(1000),
  thank_you VARCHAR(1000),
  sender_name VARCHAR(100),
  accent_colour VARCHAR(7),
  status VARCHAR(12) NOT NULL,
  created_at BIGINT NOT NULL,
  published_at BIGINT,
  brevity_override_by VARCHAR(100),
  brevity_override_at BIGINT,
  CONSTRAINT svy_survey_version_no UNIQUE (survey_id, version_no)
);

INSERT INTO svy_survey_version (id, survey_id, version_no, title, intro, thank_you, sender_name,
    accent_colour, status, created_at, published_at)
  SELECT id, id, 1, title, intro, thank_you, sender_name, accent_colour,
      CASE WHEN status = 'DRAFT' THEN 'DRAFT' ELSE 'PUBLISHED' END, created_at, published_at
  FROM svy_survey;

ALTER TABLE svy_question ADD COLUMN version_id VARCHAR(36) REFERENCES svy_survey_version (id);
UPDATE svy_question SET version_id = survey_id;
ALTER TABLE svy_question DROP CONSTRAINT svy_question_key;
ALTER TABLE svy_question ADD CONSTRAINT svy_question_version_key UNIQUE (version_id, question_key);
ALTER TABLE svy_question ADD COLUMN choice_options VARCHAR(2000);

ALTER TABLE svy_response ADD COLUMN status VARCHAR(10) DEFAULT 'COMPLETE' NOT NULL;
ALTER TABLE svy_response ADD COLUMN version_no INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE svy_response ADD COLUMN started_at BIGINT;
CREATE INDEX svy_response_survey_status ON svy_response (survey_id, status);
