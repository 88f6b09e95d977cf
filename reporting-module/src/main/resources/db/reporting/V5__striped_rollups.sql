-- Striped rollups: every rollup row gets a stripe (0..15) in its key. A transaction adds its
-- changes to one stripe (RollupStripe picks it), so concurrent submissions to the same survey and
-- day update different rows instead of queueing for one row lock until the previous commit has
-- reached the disk. Readers SUM over the stripes as they already SUM over days, and the recompute
-- writes stripe 0. Primary keys cannot be changed the same way on Derby and PostgreSQL, so each
-- table is copied into a new one (rpt_roll_* -> rpt_rollup_*, existing rows become stripe 0) and
-- the old one dropped.


CREATE TABLE rpt_rollup_survey (
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
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (survey_id, day_no, stripe)
);
INSERT INTO rpt_rollup_survey (survey_id, day_no, week_no, invitations, responses, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_n, csat_top2, ces_n, ces_sum, comments, stripe)
  SELECT survey_id, day_no, week_no, invitations, responses, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_n, csat_top2, ces_n, ces_sum, comments, 0 FROM rpt_roll_survey;
DROP TABLE rpt_roll_survey;
CREATE INDEX rpt_rollup_survey_day ON rpt_rollup_survey (day_no);

CREATE TABLE rpt_rollup_case (
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
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (survey_id, day_no, team_id, owner_id, stripe)
);
INSERT INTO rpt_rollup_case (survey_id, day_no, week_no, team_id, owner_id, cases, owned, replied, closed, sla_met, stripe)
  SELECT survey_id, day_no, week_no, team_id, owner_id, cases, owned, replied, closed, sla_met, 0 FROM rpt_roll_case;
DROP TABLE rpt_roll_case;
CREATE INDEX rpt_rollup_case_day ON rpt_rollup_case (day_no);

CREATE TABLE rpt_rollup_case_time (
  survey_id VARCHAR(36) NOT NULL,
  day_no INTEGER NOT NULL,
  week_no INTEGER NOT NULL,
  team_id VARCHAR(36) NOT NULL,
  owner_id VARCHAR(36) NOT NULL,
  kind CHAR(1) NOT NULL,
  bucket INTEGER NOT NULL,
  cases BIGINT NOT NULL,
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (survey_id, day_no, team_id, owner_id, kind, bucket, stripe)
);
INSERT INTO rpt_rollup_case_time (survey_id, day_no, week_no, team_id, owner_id, kind, bucket, cases, stripe)
  SELECT survey_id, day_no, week_no, team_id, owner_id, kind, bucket, cases, 0 FROM rpt_roll_case_time;
DROP TABLE rpt_roll_case_time;
CREATE INDEX rpt_rollup_case_time_day ON rpt_rollup_case_time (day_no);

CREATE TABLE rpt_rollup_segment (
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
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (attr_name, attr_value, survey_id, day_no, stripe)
);
INSERT INTO rpt_rollup_segment (attr_name, attr_value, survey_id, day_no, week_no, invitations, responses, promoters, passives, detractors, comments, cases, replied, closed, stripe)
  SELECT attr_name, attr_value, survey_id, day_no, week_no, invitations, responses, promoters, passives, detractors, comments, cases, replied, closed, 0 FROM rpt_roll_segment;
DROP TABLE rpt_roll_segment;
CREATE INDEX rpt_rollup_segment_day ON rpt_rollup_segment (day_no);

CREATE TABLE rpt_rollup_survey_m (
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
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (survey_id, month_no, stripe)
);
INSERT INTO rpt_rollup_survey_m (survey_id, month_no, invitations, responses, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_n, csat_top2, ces_n, ces_sum, comments, stripe)
  SELECT survey_id, month_no, invitations, responses, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_n, csat_top2, ces_n, ces_sum, comments, 0 FROM rpt_roll_survey_m;
DROP TABLE rpt_roll_survey_m;

CREATE TABLE rpt_rollup_case_s (
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
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (survey_id, day_no, stripe)
);
INSERT INTO rpt_rollup_case_s (survey_id, day_no, week_no, cases, owned, replied, closed, sla_met, unreplied_due, unreplied_due_open, stripe)
  SELECT survey_id, day_no, week_no, cases, owned, replied, closed, sla_met, unreplied_due, unreplied_due_open, 0 FROM rpt_roll_case_s;
DROP TABLE rpt_roll_case_s;
CREATE INDEX rpt_rollup_case_s_day ON rpt_rollup_case_s (day_no);

CREATE TABLE rpt_rollup_case_sm (
  survey_id VARCHAR(36) NOT NULL,
  month_no INTEGER NOT NULL,
  cases BIGINT NOT NULL,
  owned BIGINT NOT NULL,
  replied BIGINT NOT NULL,
  closed BIGINT NOT NULL,
  sla_met BIGINT NOT NULL,
  unreplied_due BIGINT NOT NULL,
  unreplied_due_open BIGINT NOT NULL,
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (survey_id, month_no, stripe)
);
INSERT INTO rpt_rollup_case_sm (survey_id, month_no, cases, owned, replied, closed, sla_met, unreplied_due, unreplied_due_open, stripe)
  SELECT survey_id, month_no, cases, owned, replied, closed, sla_met, unreplied_due, unreplied_due_open, 0 FROM rpt_roll_case_sm;
DROP TABLE rpt_roll_case_sm;

CREATE TABLE rpt_rollup_case_time_m (
  survey_id VARCHAR(36) NOT NULL,
  month_no INTEGER NOT NULL,
  kind CHAR(1) NOT NULL,
  b0 BIGINT NOT NULL,
  b1 BIGINT NOT NULL,
  b2 BIGINT NOT NULL,
  b3 BIGINT NOT NULL,
  b4 BIGINT NOT NULL,
  b5 BIGINT NOT NULL,
  b6 BIGINT NOT NULL,
  b7 BIGINT NOT NULL,
  b8 BIGINT NOT NULL,
  b9 BIGINT NOT NULL,
  b10 BIGINT NOT NULL,
  b11 BIGINT NOT NULL,
  b12 BIGINT NOT NULL,
  b13 BIGINT NOT NULL,
  b14 BIGINT NOT NULL,
  b15 BIGINT NOT NULL,
  b16 BIGINT NOT NULL,
  b17 BIGINT NOT NULL,
  b18 BIGINT NOT NULL,
  b19 BIGINT NOT NULL,
  b20 BIGINT NOT NULL,
  b21 BIGINT NOT NULL,
  b22 BIGINT NOT NULL,
  b23 BIGINT NOT NULL,
  b24 BIGINT NOT NULL,
  b25 BIGINT NOT NULL,
  b26 BIGINT NOT NULL,
  b27 BIGINT NOT NULL,
  b28 BIGINT NOT NULL,
  b29 BIGINT NOT NULL,
  b30 BIGINT NOT NULL,
  b31 BIGINT NOT NULL,
  b32 BIGINT NOT NULL,
  b33 BIGINT NOT NULL,
  b34 BIGINT NOT NULL,
  b35 BIGINT NOT NULL,
  b36 BIGINT NOT NULL,
  b37 BIGINT NOT NULL,
  b38 BIGINT NOT NULL,
  b39 BIGINT NOT NULL,
  b40 BIGINT NOT NULL,
  b41 BIGINT NOT NULL,
  b42 BIGINT NOT NULL,
  b43 BIGINT NOT NULL,
  b44 BIGINT NOT NULL,
  b45 BIGINT NOT NULL,
  b46 BIGINT NOT NULL,
  b47 BIGINT NOT NULL,
  b48 BIGINT NOT NULL,
  b49 BIGINT NOT NULL,
  b50 BIGINT NOT NULL,
  b51 BIGINT NOT NULL,
  b52 BIGINT NOT NULL,
  b53 BIGINT NOT NULL,
  b54 BIGINT NOT NULL,
  b55 BIGINT NOT NULL,
  b56 BIGINT NOT NULL,
  b57 BIGINT NOT NULL,
  b58 BIGINT NOT NULL,
  b59 BIGINT NOT NULL,
  b60 BIGINT NOT NULL,
  b61 BIGINT NOT NULL,
  b62 BIGINT NOT NULL,
  b63 BIGINT NOT NULL,
  b64 BIGINT NOT NULL,
  b65 BIGINT NOT NULL,
  b66 BIGINT NOT NULL,
  b67 BIGINT NOT NULL,
  b68 BIGINT NOT NULL,
  b69 BIGINT NOT NULL,
  b70 BIGINT NOT NULL,
  b71 BIGINT NOT NULL,
  b72 BIGINT NOT NULL,
  b73 BIGINT NOT NULL,
  b74 BIGINT NOT NULL,
  b75 BIGINT NOT NULL,
  b76 BIGINT NOT NULL,
  b77 BIGINT NOT NULL,
  b78 BIGINT NOT NULL,
  b79 BIGINT NOT NULL,
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (survey_id, month_no, kind, stripe)
);
INSERT INTO rpt_rollup_case_time_m (survey_id, month_no, kind, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24, b25, b26, b27, b28, b29, b30, b31, b32, b33, b34, b35, b36, b37, b38, b39, b40, b41, b42, b43, b44, b45, b46, b47, b48, b49, b50, b51, b52, b53, b54, b55, b56, b57, b58, b59, b60, b61, b62, b63, b64, b65, b66, b67, b68, b69, b70, b71, b72, b73, b74, b75, b76, b77, b78, b79, stripe)
  SELECT survey_id, month_no, kind, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24, b25, b26, b27, b28, b29, b30, b31, b32, b33, b34, b35, b36, b37, b38, b39, b40, b41, b42, b43, b44, b45, b46, b47, b48, b49, b50, b51, b52, b53, b54, b55, b56, b57, b58, b59, b60, b61, b62, b63, b64, b65, b66, b67, b68, b69, b70, b71, b72, b73, b74, b75, b76, b77, b78, b79, 0 FROM rpt_roll_case_time_m;
DROP TABLE rpt_roll_case_time_m;

CREATE TABLE rpt_rollup_segment_m (
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
  stripe SMALLINT NOT NULL,
  PRIMARY KEY (attr_name, attr_value, survey_id, month_no, stripe)
);
INSERT INTO rpt_rollup_segment_m (attr_name, attr_value, survey_id, month_no, invitations, responses, promoters, passives, detractors, comments, cases, replied, closed, stripe)
  SELECT attr_name, attr_value, survey_id, month_no, invitations, responses, promoters, passives, detractors, comments, cases, replied, closed, 0 FROM rpt_roll_segment_m;
DROP TABLE rpt_roll_segment_m;
