-- name: EnqueueMail :exec
INSERT INTO mail_outbox (kind, recipient, status, sender, reply_to, subject, body_text, body_html, next_attempt_at, created_at)
VALUES (sqlc.arg(kind), sqlc.arg(recipient), sqlc.arg(status), sqlc.arg(sender), sqlc.arg(reply_to),
        sqlc.arg(subject), sqlc.arg(body_text), sqlc.arg(body_html), sqlc.arg(now), sqlc.arg(now));

-- ClaimMail leases the oldest due row to one sender until lock_until, under the sender's
-- lease_token, which its marks below must give. The whole condition is checked again on
-- the row itself: on PostgreSQL, an UPDATE that waited for a concurrent one re-evaluates
-- only this outer WHERE on the row's newest version, so two instances claiming at once
-- cannot both get it, nor one claim a row the other has just sent.
-- name: ClaimMail :one
UPDATE mail_outbox
SET locked_until = sqlc.arg(lock_until), lease_token = sqlc.arg(lease_token)
WHERE id = (
    SELECT o.id FROM mail_outbox o
    WHERE o.status IN ('requested', 'queued') AND o.next_attempt_at <= sqlc.arg(now)
      AND (o.locked_until IS NULL OR o.locked_until < sqlc.arg(now))
    ORDER BY o.next_attempt_at, o.id
    LIMIT 1
)
AND status IN ('requested', 'queued') AND next_attempt_at <= sqlc.arg(now)
AND (locked_until IS NULL OR locked_until < sqlc.arg(now))
RETURNING *;

-- RenderMail turns a 'requested' row into the mail to send, due at once; like the marks
-- below, only under the lease of the sender that resolves it.
-- name: RenderMail :execrows
UPDATE mail_outbox
SET status = 'queued', locked_until = NULL, sender = sqlc.arg(sender), reply_to = sqlc.arg(reply_to), subject = sqlc.arg(subject),
    body_text = sqlc.arg(body_text), body_html = sqlc.arg(body_html)
WHERE id = sqlc.arg(id) AND lease_token = sqlc.arg(lease_token);

-- The marks of a delivery attempt apply only while the row is still leased under the
-- sender's token: a sender whose lease expired and whose row another sender claimed since
-- changes nothing (0 rows), whatever the order in which the two finish.
-- name: MarkMailSent :execrows
UPDATE mail_outbox
SET status = 'sent', sent_at = sqlc.arg(now), done_at = sqlc.arg(now), attempts = attempts + 1, locked_until = NULL,
    lease_token = NULL, body_text = '', body_html = '', last_error = ''
WHERE id = sqlc.arg(id) AND lease_token = sqlc.arg(lease_token);

-- name: MarkMailAttemptFailed :execrows
UPDATE mail_outbox
SET attempts = attempts + 1, next_attempt_at = sqlc.arg(next_attempt_at), locked_until = NULL, lease_token = NULL,
    last_error = sqlc.arg(last_error)
WHERE id = sqlc.arg(id) AND lease_token = sqlc.arg(lease_token);

-- name: MarkMailFailed :execrows
UPDATE mail_outbox
SET status = 'failed', done_at = sqlc.arg(now), attempts = attempts + 1, locked_until = NULL, lease_token = NULL,
    last_error = sqlc.arg(last_error), body_text = '', body_html = ''
WHERE id = sqlc.arg(id) AND lease_token = sqlc.arg(lease_token);

-- DeleteMail drops a 'requested' row there is nobody to write to, under the lease of the
-- sender that resolves it.
-- name: DeleteMail :execrows
DELETE FROM mail_outbox WHERE id = sqlc.arg(id) AND lease_token = sqlc.arg(lease_token);

-- DeleteDoneMails deletes up to max_rows rows sent or given up before cutoff (the sender
-- passes now minus MAIL_RETENTION): their recipient and subject are kept no longer.
-- name: DeleteDoneMails :execrows
DELETE FROM mail_outbox
WHERE id IN (
    SELECT d.id FROM mail_outbox d
    WHERE d.done_at IS NOT NULL AND d.done_at < sqlc.arg(cutoff)
    LIMIT CAST(sqlc.arg(max_rows) AS BIGINT)
);

-- The backlog the metrics report on each scrape (internal/metrics): the mails not yet sent
-- nor given up, and when the oldest of them was queued. Both read the pending rows only,
-- which the partial index mail_outbox_pending_idx holds, so a scrape costs little while
-- the backlog is small, which is when nothing is wrong.
-- name: CountPendingMails :one
SELECT COUNT(*) FROM mail_outbox WHERE status IN ('requested', 'queued');

-- name: OldestPendingMail :one
SELECT created_at FROM mail_outbox WHERE status IN ('requested', 'queued') ORDER BY created_at LIMIT 1;
