-- The common script; on Derby the one in derby/ replaces it.
CREATE TABLE vnd_common (x INT);
