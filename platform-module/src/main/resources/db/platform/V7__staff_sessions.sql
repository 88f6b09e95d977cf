-- Staff logins: one row per login, found through the signed cookie verbatim_session (see
-- docs/SESSIONS.md), so every server of an installation sees the same logins and a logout or a
-- deactivated account ends them on all servers at once. id is base64url(SHA-256(session id)): the
-- session id itself is only in the cookie. Times are epoch milliseconds.
CREATE TABLE plt_staff_session (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  username VARCHAR(80) NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX plt_staff_session_username ON plt_staff_session (username);
