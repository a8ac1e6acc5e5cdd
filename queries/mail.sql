-- name: EnqueueMail :exec
INSERT INTO mail_outbox (kind, recipient, status, sender, reply_to, subject, body_text, body_html, next_attempt_at, created_at)
VALUES (sqlc.arg(kind), sqlc.arg(recipient), sqlc.arg(status), sqlc.arg(sender), sqlc.arg(reply_to),
        sqlc.arg(subject), sqlc.arg(body_text), sqlc.arg(body_html), sqlc.arg(now), sqlc.arg(now));

-- ClaimMail leases the oldest due row to one sender until lock_until. The whole condition
-- is checked again on the row itself: on PostgreSQL, an UPDATE that waited for a concurrent
-- one re-evaluates only this outer WHERE on the row's newest version, so two instances
-- claiming at once cannot both get it, nor one claim a row the other has just sent.
-- name: ClaimMail :one
UPDATE mail_outbox
SET locked_until = sqlc.arg(lock_until)
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

-- name: RenderMail :exec
UPDATE mail_outbox
SET status = 'queued', locked_until = NULL, sender = sqlc.arg(sender), reply_to = sqlc.arg(reply_to), subject = sqlc.arg(subject),
    body_text = sqlc.arg(body_text), body_html = sqlc.arg(body_html)
WHERE id = sqlc.arg(id);

-- name: MarkMailSent :exec
UPDATE mail_outbox
SET status = 'sent', sent_at = sqlc.arg(now), attempts = attempts + 1, locked_until = NULL,
    body_text = '', body_html = '', last_error = ''
WHERE id = sqlc.arg(id);

-- name: MarkMailAttemptFailed :exec
UPDATE mail_outbox
SET attempts = attempts + 1, next_attempt_at = sqlc.arg(next_attempt_at), locked_until = NULL,
    last_error = sqlc.arg(last_error)
WHERE id = sqlc.arg(id);

-- name: MarkMailFailed :exec
UPDATE mail_outbox
SET status = 'failed', attempts = attempts + 1, locked_until = NULL, last_error = sqlc.arg(last_error),
    body_text = '', body_html = ''
WHERE id = sqlc.arg(id);

-- name: DeleteMail :exec
DELETE FROM mail_outbox WHERE id = sqlc.arg(id);
