CREATE TABLE brk_half (x INT);
INSERT INTO no_such_table VALUES (1);
