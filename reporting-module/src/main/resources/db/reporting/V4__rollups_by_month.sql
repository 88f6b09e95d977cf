-- Rollups for the unfiltered and survey-filtered reports (no team, owner or day in the key where
-- the report does not need them), so their size follows surveys × months, not responses. A
-- period's whole calendar months (UTC; month_no counts from January 1970) are read here, its
-- partial edge months from the daily rollups. Kept by FactRecorder like the others and rebuilt by
-- POST /api/reports/recompute.

CREATE TABLE rpt_roll_survey_m (
  survey_id VARCHAR(36) NOT NULL,
  month_no INTEGER NOT NULL,
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
  PRIMARY KEY (survey_id, month_no)
);

-- Case counters per survey and day without team and owner; unreplied_due counts the unreplied
-- cases that have a due time (unreplied_due_open: those still OPEN), so "unreplied past due" is
-- this minus the few unreplied cases whose due time is still ahead (a range scan of
-- rpt_case_unreplied).
CREATE TABLE rpt_roll_case_s (
  survey_id VARCHAR(36) NOT NULL,
  day_no INTEGER NOT NULL,
  week_no INTEGER NOT NULL,
  cases BIGINT NOT NULL,
  owned BIGINT NOT NULL,
  replied BIGINT NOT NULL,
  closed BIGINT NOT NULL,
  sla_met BIGINT NOT NULL,
  unreplied_due BIGINT NOT NULL,
  unreplied_due_open BIGINT NOT NULL,
  PRIMARY KEY (survey_id, day_no)
);
CREATE INDEX rpt_roll_case_s_day ON rpt_roll_case_s (day_no);

CREATE TABLE rpt_roll_case_sm (
  survey_id VARCHAR(36) NOT NULL,
  month_no INTEGER NOT NULL,
  cases BIGINT NOT NULL,
  owned BIGINT NOT NULL,
  replied BIGINT NOT NULL,
  closed BIGINT NOT NULL,
  sla_met BIGINT NOT NULL,
  unreplied_due BIGINT NOT NULL,
  unreplied_due_open BIGINT NOT NULL,
  PRIMARY KEY (survey_id, month_no)
);

CREATE TABLE rpt_roll_case_time_m (
  survey_id VARCHAR(36) NOT NULL,
  month_no INTEGER NOT NULL,
  kind CHAR(1) NOT NULL,
  bucket INTEGER NOT NULL,
  cases BIGINT NOT NULL,
  PRIMARY KEY (survey_id, month_no, kind, bucket)
);

CREATE TABLE rpt_roll_segment_m (
  attr_name VARCHAR(60) NOT NULL,
  attr_value VARCHAR(500) NOT NULL,
  survey_id VARCHAR(36) NOT NULL,
  month_no INTEGER NOT NULL,
  invitations BIGINT NOT NULL,
  responses BIGINT NOT NULL,
  promoters BIGINT NOT NULL,
  passives BIGINT NOT NULL,
  detractors BIGINT NOT NULL,
  comments BIGINT NOT NULL,
  cases BIGINT NOT NULL,
  replied BIGINT NOT NULL,
  closed BIGINT NOT NULL,
  PRIMARY KEY (attr_name, attr_value, survey_id, month_no)
);
