CREATE TABLE svy_contact_import (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  file_name VARCHAR(200),
  status VARCHAR(12) NOT NULL,
  mapping_text VARCHAR(1000),
  total_rows INTEGER NOT NULL,
  processed INTEGER NOT NULL,
  created_count INTEGER NOT NULL,
  updated_count INTEGER NOT NULL,
  rejected_count INTEGER NOT NULL,
  problem VARCHAR(1000),
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);

CREATE TABLE svy_contact_import_error (
  import_id VARCHAR(36) NOT NULL REFERENCES svy_contact_import (id),
  seq INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  column_name VARCHAR(200) NOT NULL,
  reason VARCHAR(500) NOT NULL,
  PRIMARY KEY (import_id, seq)
);
