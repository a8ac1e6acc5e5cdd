-- SetConfirmationToken stores the SHA-256 of a new confirmation token and its expiry; the
-- previous token, if any, stops working (decision D4).
-- name: SetConfirmationToken :exec
UPDATE up_users
SET confirmation_token_hash = sqlc.arg(token_hash), confirmation_expires_at = sqlc.arg(expires_at),
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- ConfirmEmail consumes a confirmation token: one guarded statement, so that a token
-- confirms once, only until it expires, and of two concurrent uses exactly one succeeds.
-- name: ConfirmEmail :execrows
UPDATE up_users
SET confirmed = TRUE, confirmation_token_hash = NULL, confirmation_expires_at = NULL,
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE confirmation_token_hash = sqlc.arg(token_hash) AND confirmation_expires_at > sqlc.arg(now);

-- ChangePassword sets a new password and revokes every token issued before (decision D5),
-- but the one that made the change (kept_token_hash, legacy mode; NULL otherwise), and a
-- pending reset code, in one statement guarded by the hash the current password was
-- checked against: of two concurrent changes with the same current password, exactly one
-- succeeds.
-- name: ChangePassword :execrows
UPDATE up_users
SET password = sqlc.arg(password), tokens_valid_after = sqlc.arg(tokens_valid_after),
    kept_token_hash = sqlc.narg(kept_token_hash),
    reset_password_token_hash = NULL, reset_password_expires_at = NULL,
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND password = sqlc.arg(current_hash);
