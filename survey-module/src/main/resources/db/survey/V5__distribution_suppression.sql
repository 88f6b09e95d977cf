-- Addresses no survey mail may go to: unsubscribed by the customer or bounced for good.
CREATE TABLE svy_suppression (
  email_key VARCHAR(254) NOT NULL PRIMARY KEY,
  reason VARCHAR(20) NOT NULL,
  occurred_at BIGINT NOT NULL,
  detail VARCHAR(500)
);

-- Workspace settings editable by managers (e.g. throttle-days) and generated secrets.
CREATE TABLE svy_setting (
  name VARCHAR(60) NOT NULL PRIMARY KEY,
  setting_value VARCHAR(500) NOT NULL
);

-- A distribution is SCHEDULED until it is due, then SENT; audience is the filter text (null: all).
ALTER TABLE svy_distribution ADD COLUMN state VARCHAR(12) DEFAULT 'SENT' NOT NULL;
ALTER TABLE svy_distribution ADD COLUMN scheduled_at BIGINT;
ALTER TABLE svy_distribution ADD COLUMN sent_at BIGINT;
ALTER TABLE svy_distribution ADD COLUMN audience VARCHAR(1000);
CREATE INDEX svy_distribution_due ON svy_distribution (state, scheduled_at);

-- Contacts a distribution did not invite, and why.
CREATE TABLE svy_distribution_skip (
  distribution_id VARCHAR(36) NOT NULL REFERENCES svy_distribution (id),
  contact_id VARCHAR(36) NOT NULL REFERENCES svy_contact (id),
  reason VARCHAR(20) NOT NULL,
  PRIMARY KEY (distribution_id, contact_id)
);

ALTER TABLE svy_invitation ADD COLUMN bounced_at BIGINT;
ALTER TABLE svy_invitation ADD COLUMN reminders_sent INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE svy_invitation ADD COLUMN last_reminded_at BIGINT;
CREATE INDEX svy_invitation_contact ON svy_invitation (contact_id, created_at);
CREATE INDEX svy_invitation_message ON svy_invitation (message_id);
