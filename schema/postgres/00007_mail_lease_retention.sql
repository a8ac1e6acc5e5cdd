-- +goose Up
-- The mail outbox's lease token and retention.
--   lease_token: a random value the sender writes with each claim (ClaimMail). Marking a
--                row sent, failed or due for another attempt requires the sender's token:
--                a sender whose lease expired, and whose row another sender has claimed
--                since, changes nothing (it logs the lost lease).
--   done_at:     when the row became 'sent' or 'failed'. Such rows are deleted, recipient
--                and subject included, once MAIL_RETENTION has passed, in small batches
--                beside the sending. Rows done before this migration take their sent_at,
--                or for failed ones next_attempt_at, the time of their last attempt.
ALTER TABLE mail_outbox ADD COLUMN lease_token TEXT;
ALTER TABLE mail_outbox ADD COLUMN done_at TIMESTAMPTZ;
UPDATE mail_outbox SET done_at = COALESCE(sent_at, next_attempt_at) WHERE status IN ('sent', 'failed');
CREATE INDEX mail_outbox_done_idx ON mail_outbox (done_at) WHERE done_at IS NOT NULL;

-- +goose Down
DROP INDEX mail_outbox_done_idx;
ALTER TABLE mail_outbox DROP COLUMN done_at;
ALTER TABLE mail_outbox DROP COLUMN lease_token;
