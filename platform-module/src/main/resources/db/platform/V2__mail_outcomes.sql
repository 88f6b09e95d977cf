ALTER TABLE plt_outbox ADD COLUMN sender_name VARCHAR(200);
ALTER TABLE plt_outbox ADD COLUMN unsubscribe_url VARCHAR(500);
