-- name: CreateUser :one
INSERT INTO up_users (
    document_id, username, email, provider, password, confirmed, blocked, role_id, profile,
    created_at, updated_at, published_at
) VALUES (
    sqlc.arg(document_id), sqlc.arg(username), sqlc.arg(email), sqlc.arg(provider), sqlc.narg(password),
    sqlc.arg(confirmed), sqlc.arg(blocked), sqlc.narg(role_id), sqlc.narg(profile),
    sqlc.arg(now), sqlc.arg(now), sqlc.arg(now)
)
RETURNING *;

-- name: GetUser :one
SELECT * FROM up_users WHERE id = sqlc.arg(id);

-- GetAuthUser is the one read an authenticated request costs: the user, and the version of
-- its role's permissions to check the permission cache against.
-- name: GetAuthUser :one
SELECT u.id, u.document_id, u.username, u.email, u.provider, u.confirmed, u.blocked, u.role_id,
       u.tokens_valid_after, u.kept_token_hash, u.created_at, u.updated_at, u.published_at, u.profile,
       r.perm_version AS role_perm_version
FROM up_users u
LEFT JOIN up_roles r ON r.id = u.role_id
WHERE u.id = sqlc.arg(id);

-- name: GetUserByEmail :one
SELECT * FROM up_users WHERE lower(email) = sqlc.arg(email) ORDER BY id LIMIT 1;

-- FindLoginUser finds the local user whose email is the lower-cased identifier or whose
-- username is the identifier as given.
-- name: FindLoginUser :one
SELECT * FROM up_users
WHERE provider = 'local' AND (lower(email) = sqlc.arg(email) OR username = sqlc.arg(username))
ORDER BY id
LIMIT 1;

-- RegisterConflicts lists the providers of the accounts a new registration would collide
-- with: same email, same username, or one's username equal to the other's email.
-- name: RegisterConflicts :many
SELECT provider FROM up_users
WHERE lower(email) = sqlc.arg(email) OR username = sqlc.arg(email)
   OR username = sqlc.arg(username) OR lower(email) = sqlc.arg(username)
LIMIT 10;

-- name: SetResetPasswordToken :exec
UPDATE up_users
SET reset_password_token_hash = sqlc.arg(token_hash), reset_password_expires_at = sqlc.arg(expires_at),
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: GetUserByResetToken :one
SELECT * FROM up_users
WHERE reset_password_token_hash = sqlc.arg(token_hash) AND reset_password_expires_at > sqlc.arg(now);

-- ResetPassword consumes a reset code: one guarded statement, so that of two concurrent
-- resets with the same code exactly one updates the row, and a user blocked meanwhile is
-- not reset. Every token issued before dies, the one kept by a password change included.
-- name: ResetPassword :execrows
UPDATE up_users
SET password = sqlc.arg(password), reset_password_token_hash = NULL, reset_password_expires_at = NULL,
    tokens_valid_after = sqlc.arg(tokens_valid_after), kept_token_hash = NULL,
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND reset_password_token_hash = sqlc.arg(token_hash)
  AND reset_password_expires_at > sqlc.arg(now) AND NOT blocked;

-- BlockUser blocks a user: every token issued so far dies for good (tokens_valid_after moves
-- past them, as RevokeUserTokens moves it, so unblocking revives none), and a pending reset
-- code stops working.
-- name: BlockUser :exec
UPDATE up_users
SET blocked = TRUE,
    tokens_valid_after = CASE WHEN tokens_valid_after > sqlc.arg(now_unix) THEN tokens_valid_after ELSE sqlc.arg(now_unix) END + 1,
    kept_token_hash = NULL, reset_password_token_hash = NULL, reset_password_expires_at = NULL,
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: UnblockUser :exec
UPDATE up_users SET blocked = FALSE, updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: DeleteUser :exec
DELETE FROM up_users WHERE id = sqlc.arg(id);

-- name: CountUsers :one
SELECT count(*) FROM up_users;

-- name: ListUsers :many
SELECT u.id, u.username, u.email, u.provider, u.confirmed, u.blocked, u.created_at, r.type AS role_type
FROM up_users u
LEFT JOIN up_roles r ON r.id = u.role_id
ORDER BY u.id
LIMIT CAST(sqlc.arg(max_rows) AS BIGINT) OFFSET CAST(sqlc.arg(skip) AS BIGINT);

-- name: GetUserByUsername :one
SELECT * FROM up_users WHERE username = sqlc.arg(username);

-- SetUserProfile writes a user's custom field values (the whole JSON object; NULL: none).
-- Callers read the current values under the row lock of an earlier write in the same
-- transaction, so that concurrent edits of different fields all land.
-- name: SetUserProfile :one
UPDATE up_users SET profile = sqlc.narg(profile), updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;
