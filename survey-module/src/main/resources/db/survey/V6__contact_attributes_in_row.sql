-- Attributes move into the contact's own row (issue 3: import speed). A contact was one row plus a
-- row per attribute in svy_contact_attribute (with 3 attributes: 4 rows, 8 index inserts and 3
-- foreign-key probes); now it is one row and 2 index inserts. No reader needs an index on
-- attributes: audience filters and segments read whole contacts, the contact search is a
-- LIKE '%text%' scan.
--   attribute_text:   one line per attribute, "name=value" and a line break (names cannot hold '='
--                     or line breaks; the application escapes backslashes and line breaks in
--                     values, see ContactAttributes)
--   attribute_search: the values only, in lower case, one a line, for the contact search
-- At most 50 attributes a contact: 50 x (60 + 500 + 2) characters fit in 30,000.
ALTER TABLE svy_contact ADD COLUMN attribute_text VARCHAR(30000);
ALTER TABLE svy_contact ADD COLUMN attribute_search VARCHAR(30000);

-- Derby and PostgreSQL share no string aggregate, so the existing rows are folded in SQL: number
-- each contact's attributes by name (0, 1, 2, ...), give each its line, then six times merge every
-- even-numbered row with the next and halve the numbers, until one row a contact holds all lines.
-- (The string literals below hold a line break on purpose.)
ALTER TABLE svy_contact_attribute ADD COLUMN name_rank INTEGER;
ALTER TABLE svy_contact_attribute ADD COLUMN line_text VARCHAR(30000);
ALTER TABLE svy_contact_attribute ADD COLUMN line_search VARCHAR(30000);
UPDATE svy_contact_attribute SET
  name_rank = (SELECT COUNT(*) FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id AND b.name < svy_contact_attribute.name),
  line_text = name || '=' || attr_value || '
',
  line_search = LOWER(attr_value) || '
';

-- A contact with more than 50 attributes would not fit: refuse to migrate (the check fails, the
-- whole script rolls back, the server does not start and its log names the constraint).
CREATE TABLE svy_v6_check (
  contacts_over_limit INTEGER NOT NULL,
  CONSTRAINT svy_v6_contact_over_50_attributes CHECK (contacts_over_limit = 0)
);
INSERT INTO svy_v6_check (contacts_over_limit)
  SELECT COUNT(*) FROM svy_contact_attribute WHERE name_rank >= 50;
DROP TABLE svy_v6_check;

UPDATE svy_contact_attribute SET
  line_text = line_text || COALESCE((SELECT b.line_text FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), ''),
  line_search = line_search || COALESCE((SELECT b.line_search FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), '')
  WHERE MOD(name_rank, 2) = 0;
DELETE FROM svy_contact_attribute WHERE MOD(name_rank, 2) = 1;
UPDATE svy_contact_attribute SET name_rank = name_rank / 2;

UPDATE svy_contact_attribute SET
  line_text = line_text || COALESCE((SELECT b.line_text FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), ''),
  line_search = line_search || COALESCE((SELECT b.line_search FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), '')
  WHERE MOD(name_rank, 2) = 0;
DELETE FROM svy_contact_attribute WHERE MOD(name_rank, 2) = 1;
UPDATE svy_contact_attribute SET name_rank = name_rank / 2;

UPDATE svy_contact_attribute SET
  line_text = line_text || COALESCE((SELECT b.line_text FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), ''),
  line_search = line_search || COALESCE((SELECT b.line_search FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), '')
  WHERE MOD(name_rank, 2) = 0;
DELETE FROM svy_contact_attribute WHERE MOD(name_rank, 2) = 1;
UPDATE svy_contact_attribute SET name_rank = name_rank / 2;

UPDATE svy_contact_attribute SET
  line_text = line_text || COALESCE((SELECT b.line_text FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), ''),
  line_search = line_search || COALESCE((SELECT b.line_search FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), '')
  WHERE MOD(name_rank, 2) = 0;
DELETE FROM svy_contact_attribute WHERE MOD(name_rank, 2) = 1;
UPDATE svy_contact_attribute SET name_rank = name_rank / 2;

UPDATE svy_contact_attribute SET
  line_text = line_text || COALESCE((SELECT b.line_text FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), ''),
  line_search = line_search || COALESCE((SELECT b.line_search FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), '')
  WHERE MOD(name_rank, 2) = 0;
DELETE FROM svy_contact_attribute WHERE MOD(name_rank, 2) = 1;
UPDATE svy_contact_attribute SET name_rank = name_rank / 2;

UPDATE svy_contact_attribute SET
  line_text = line_text || COALESCE((SELECT b.line_text FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), ''),
  line_search = line_search || COALESCE((SELECT b.line_search FROM svy_contact_attribute b
    WHERE b.contact_id = svy_contact_attribute.contact_id
    AND b.name_rank = svy_contact_attribute.name_rank + 1), '')
  WHERE MOD(name_rank, 2) = 0;
DELETE FROM svy_contact_attribute WHERE MOD(name_rank, 2) = 1;
UPDATE svy_contact_attribute SET name_rank = name_rank / 2;

-- The first line "=" marks the values as carried over unescaped (see ContactAttributes).
UPDATE svy_contact SET
  attribute_text = (SELECT '=
' || a.line_text FROM svy_contact_attribute a WHERE a.contact_id = svy_contact.id),
  attribute_search = (SELECT a.line_search FROM svy_contact_attribute a
    WHERE a.contact_id = svy_contact.id);
DROP TABLE svy_contact_attribute;
