CREATE TABLE plt_staff_user (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  username VARCHAR(80) NOT NULL,
  email VARCHAR(254) NOT NULL,
  display_name VARCHAR(120) NOT NULL,
  roles VARCHAR(100) NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  active BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT plt_staff_user_username UNIQUE (username)
);

CREATE TABLE plt_outbox (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  message_id VARCHAR(200) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  recipient VARCHAR(254) NOT NULL,
  recipient_name VARCHAR(200),
  subject VARCHAR(300) NOT NULL,
  text_body VARCHAR(32000) NOT NULL,
  html_body VARCHAR(32000),
  reply_to VARCHAR(254),
  in_reply_to VARCHAR(200),
  status VARCHAR(12) NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  last_error VARCHAR(1000),
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  CONSTRAINT plt_outbox_message_id UNIQUE (message_id)
);
CREATE INDEX plt_outbox_due ON plt_outbox (status, next_attempt_at);

CREATE TABLE plt_caught_mail (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  message_id VARCHAR(200) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  sender VARCHAR(300) NOT NULL,
  recipient VARCHAR(300) NOT NULL,
  subject VARCHAR(300) NOT NULL,
  headers VARCHAR(4000) NOT NULL,
  text_body VARCHAR(32000) NOT NULL,
  html_body VARCHAR(32000),
  caught_at BIGINT NOT NULL
);
CREATE INDEX plt_caught_mail_time ON plt_caught_mail (caught_at);
