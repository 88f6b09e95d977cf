-- Random keys the application derives tokens from (HMAC), one per purpose, created on first use.
CREATE TABLE plt_secret_key (
  key_name VARCHAR(64) NOT NULL PRIMARY KEY,
  key_bytes VARCHAR(100) NOT NULL,
  created_at BIGINT NOT NULL
);
