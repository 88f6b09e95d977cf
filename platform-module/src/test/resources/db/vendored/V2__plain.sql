CREATE TABLE vnd_plain (
  -- a comment with a ; and a quote ' inside
  y VARCHAR(20) DEFAULT 'a;b'
);
INSERT INTO vnd_plain (y) VALUES ('line
break;');
INSERT INTO vnd_plain (y) VALUES ('second');
