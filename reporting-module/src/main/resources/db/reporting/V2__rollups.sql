-- Rollups: counters per survey and day (and team, owner, segment), kept in step with the facts in
-- the same transaction (FactRecorder) and recomputable from them (POST /api/reports/recompute).
-- Day and week numbers count from 1970-01-01 UTC; weeks start on Monday. Team and owner are ''
-- when a case has none.

CREATE TABLE rpt_roll_survey (
  survey_id VARCHAR(36) NOT NULL,
  day_no INTEGER NOT NULL,
  week_no INTEGER NOT NULL,
  invitations BIGINT NOT NULL,
  responses BIGINT NOT NULL,
  nps_0 BIGINT NOT NULL,
  nps_1 BIGINT NOT NULL,
  nps_2 BIGINT NOT NULL,
  nps_3 BIGINT NOT NULL,
  nps_4 BIGINT NOT NULL,
  nps_5 BIGINT NOT NULL,
  nps_6 BIGINT NOT NULL,
  nps_7 BIGINT NOT NULL,
  nps_8 BIGINT NOT NULL,
  nps_9 BIGINT NOT NULL,
  nps_10 BIGINT NOT NULL,
  csat_n BIGINT NOT NULL,
  csat_top2 BIGINT NOT NULL,
  ces_n BIGINT NOT NULL,
  ces_sum BIGINT NOT NULL,
  comments BIGINT NOT NULL,
  PRIMARY KEY (survey_id, day_no)
);
CREATE INDEX rpt_roll_survey_day ON rpt_roll_survey (day_no);

CREATE TABLE rpt_roll_case (
  survey_id VARCHAR(36) NOT NULL,
  day_no INTEGER NOT NULL,
  week_no INTEGER NOT NULL,
  team_id VARCHAR(36) NOT NULL,
  owner_id VARCHAR(36) NOT NULL,
  cases BIGINT NOT NULL,
  owned BIGINT NOT NULL,
  replied BIGINT NOT NULL,
  closed BIGINT NOT NULL,
  sla_met BIGINT NOT NULL,
  PRIMARY KEY (survey_id, day_no, team_id, owner_id)
);
CREATE INDEX rpt_roll_case_day ON rpt_roll_case (day_no);

-- Time to first reply (kind R) and to close (kind C), counted in log-scale buckets
-- (DurationHistogram) so that percentiles need no case rows.
CREATE TABLE rpt_roll_case_time (
  survey_id VARCHAR(36) NOT NULL,
  day_no INTEGER NOT NULL,
  week_no INTEGER NOT NULL,
  team_id VARCHAR(36) NOT NULL,
  owner_id VARCHAR(36) NOT NULL,
  kind CHAR(1) NOT NULL,
  bucket INTEGER NOT NULL,
  cases BIGINT NOT NULL,
  PRIMARY KEY (survey_id, day_no, team_id, owner_id, kind, bucket)
);
CREATE INDEX rpt_roll_case_time_day ON rpt_roll_case_time (day_no);

CREATE TABLE rpt_roll_segment (
  attr_name VARCHAR(60) NOT NULL,
  attr_value VARCHAR(500) NOT NULL,
  survey_id VARCHAR(36) NOT NULL,
  day_no INTEGER NOT NULL,
  week_no INTEGER NOT NULL,
  invitations BIGINT NOT NULL,
  responses BIGINT NOT NULL,
  promoters BIGINT NOT NULL,
  passives BIGINT NOT NULL,
  detractors BIGINT NOT NULL,
  comments BIGINT NOT NULL,
  cases BIGINT NOT NULL,
  replied BIGINT NOT NULL,
  closed BIGINT NOT NULL,
  PRIMARY KEY (attr_name, attr_value, survey_id, day_no)
);

-- Unreplied cases by due time: overdue now and SLA figures read these without a full scan.
CREATE INDEX rpt_case_unreplied ON rpt_case (first_reply_at, due_at);

-- Digest periods already sent (weekly:2026-03-02, daily:2026-03-08): never twice per period.
CREATE TABLE rpt_digest_sent (
  period_key VARCHAR(40) NOT NULL PRIMARY KEY,
  sent_at BIGINT NOT NULL
);
