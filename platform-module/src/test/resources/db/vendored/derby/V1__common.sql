-- Derby's own version of V1__common.sql.
CREATE TABLE vnd_derby (x INT);
