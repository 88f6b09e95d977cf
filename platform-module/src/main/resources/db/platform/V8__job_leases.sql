-- Jobs that one server at a time must run (reading a shared mailbox): who holds each, until when.
CREATE TABLE plt_job_lease (
  job_name VARCHAR(80) NOT NULL PRIMARY KEY,
  owner_id VARCHAR(36) NOT NULL,
  lease_until BIGINT NOT NULL
);
