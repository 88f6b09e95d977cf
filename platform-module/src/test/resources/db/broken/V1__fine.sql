CREATE TABLE brk_fine (x INT);
