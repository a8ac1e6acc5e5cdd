-- The change of email (up_email_changes): requested with the password, applied when the
-- link mailed to the new address is used.

-- SetEmailChange records a user's pending change of email, replacing any earlier one: its
-- link stops working (decision D4, as a new reset code replaces the previous one).
-- name: SetEmailChange :exec
INSERT INTO up_email_changes (user_id, new_email, token_hash, expires_at, created_at)
VALUES (sqlc.arg(user_id), sqlc.arg(new_email), sqlc.arg(token_hash), sqlc.arg(expires_at), sqlc.arg(now))
ON CONFLICT (user_id) DO UPDATE
SET new_email = excluded.new_email, token_hash = excluded.token_hash,
    expires_at = excluded.expires_at, created_at = excluded.created_at;

-- TakeEmailChange consumes the pending change a link's code names, while it has not
-- expired: one statement, so that of two concurrent uses of one code exactly one gets it.
-- name: TakeEmailChange :one
DELETE FROM up_email_changes
WHERE token_hash = sqlc.arg(token_hash) AND expires_at > sqlc.arg(now)
RETURNING *;

-- DeleteEmailChange cancels a user's pending change of email, if any.
-- name: DeleteEmailChange :exec
DELETE FROM up_email_changes WHERE user_id = sqlc.arg(user_id);

-- EmailChangeConflicts lists the providers of the other accounts a user's new email would
-- collide with, by register's rules: the same email (lower-cased), or a username equal to it.
-- name: EmailChangeConflicts :many
SELECT provider FROM up_users
WHERE (lower(email) = sqlc.arg(email) OR username = sqlc.arg(email)) AND id <> sqlc.arg(id)
LIMIT 10;

-- ChangeEmail sets a user's email to the address their link proved theirs: confirmed, and
-- the reset code and confirmation link mailed to the old address stop working. A user
-- blocked meanwhile is not changed (0 rows).
-- name: ChangeEmail :execrows
UPDATE up_users
SET email = sqlc.arg(email), confirmed = TRUE,
    confirmation_token_hash = NULL, confirmation_expires_at = NULL,
    reset_password_token_hash = NULL, reset_password_expires_at = NULL,
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND NOT blocked;

-- GuardEmailChange locks a user's row for a request's transaction while the password is the
-- one just checked and the user is not blocked (1 row), so that a password change, a reset
-- or a block, which cancel any pending change, cannot commit between the check and the new
-- pending change: they wait, or went first and this finds 0 rows. It writes nothing.
-- name: GuardEmailChange :execrows
UPDATE up_users SET updated_at = updated_at
WHERE id = sqlc.arg(id) AND password = sqlc.arg(current_hash) AND NOT blocked;

-- GetEmailChangeByToken reads the pending change a link's code names (to lock its address
-- before taking it).
-- name: GetEmailChangeByToken :one
SELECT * FROM up_email_changes WHERE token_hash = sqlc.arg(token_hash) AND expires_at > sqlc.arg(now);

-- DeleteExpiredEmailChanges deletes up to max_rows pending changes whose link expired
-- before now: their address is kept no longer.
-- name: DeleteExpiredEmailChanges :execrows
DELETE FROM up_email_changes
WHERE user_id IN (
    SELECT e.user_id FROM up_email_changes e WHERE e.expires_at <= sqlc.arg(now)
    LIMIT CAST(sqlc.arg(max_rows) AS BIGINT)
);
