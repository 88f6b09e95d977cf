ALTER TABLE svy_survey ADD COLUMN sender_name VARCHAR(100);
ALTER TABLE svy_survey ADD COLUMN accent_colour VARCHAR(7);
ALTER TABLE svy_invitation ADD COLUMN opened_at BIGINT;
