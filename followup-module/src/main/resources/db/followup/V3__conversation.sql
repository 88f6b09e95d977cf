-- Issue 4, conversation by email: inbound mail is matched to a case by the Message-IDs it answers,
-- and a mail already received (same Message-ID) is recognised, so both lookups are indexed.
CREATE INDEX fup_case_message_mid ON fup_case_message (message_id);
CREATE INDEX fup_case_thread_mid ON fup_case (thread_message_id);
CREATE INDEX fup_triage_mail_mid ON fup_triage_mail (message_id);
