-- The refresh-token sessions of refresh mode (schema/*/00005_sessions.sql).

-- name: CreateSession :exec
INSERT INTO up_sessions (
    session_id, family_id, user_id, device_id, device_name, login_at, created_at, expires_at, absolute_expires_at
) VALUES (
    sqlc.arg(session_id), sqlc.arg(family_id), sqlc.arg(user_id), sqlc.narg(device_id), sqlc.narg(device_name),
    sqlc.arg(login_at), sqlc.arg(created_at), sqlc.arg(expires_at), sqlc.arg(absolute_expires_at)
);

-- GetAuthSessionUser is the one read an authenticated request costs in refresh mode:
-- GetAuthUser's columns, and the access token's session when it still exists (it belongs
-- to the user and its family has not reached its absolute expiry). A revoked session's
-- access token fails at once (decision D5).
-- name: GetAuthSessionUser :one
SELECT u.id, u.document_id, u.username, u.email, u.provider, u.confirmed, u.blocked, u.role_id,
       u.tokens_valid_after, u.created_at, u.updated_at, u.published_at, u.profile, r.perm_version AS role_perm_version,
       s.session_id AS session_id
FROM up_users u
LEFT JOIN up_roles r ON r.id = u.role_id
LEFT JOIN up_sessions s ON s.session_id = sqlc.arg(session_id) AND s.user_id = u.id
                       AND s.absolute_expires_at > sqlc.arg(now)
WHERE u.id = sqlc.arg(id);

-- GetRefreshSession reads the row of a refresh token, with its child when it was rotated:
-- everything a refresh decides on, in one read.
-- name: GetRefreshSession :one
SELECT p.session_id, p.family_id, p.user_id, p.child_id, p.device_id, p.device_name, p.login_at,
       p.expires_at, p.absolute_expires_at,
       c.created_at AS child_created_at, c.expires_at AS child_expires_at
FROM up_sessions p
LEFT JOIN up_sessions c ON c.session_id = p.child_id
WHERE p.session_id = sqlc.arg(session_id);

-- RotateSession marks an active, unexpired row as rotated into child_id. The guard decides
-- which of two concurrent refreshes wins: on PostgreSQL the second UPDATE waits for the
-- first one's transaction and re-checks child_id IS NULL on the committed row (0 rows); on
-- SQLite writers are serialized. Run with the child's insert in one transaction.
-- name: RotateSession :execrows
UPDATE up_sessions SET child_id = sqlc.arg(child_id)
WHERE session_id = sqlc.arg(session_id) AND child_id IS NULL AND expires_at > sqlc.arg(now);

-- name: RevokeSessionFamily :execrows
DELETE FROM up_sessions WHERE family_id = sqlc.arg(family_id);

-- RevokeUserSession ends the session (the whole family) that one of its rows belongs to,
-- when that row is the user's.
-- name: RevokeUserSession :execrows
DELETE FROM up_sessions
WHERE family_id IN (
    SELECT f.family_id FROM up_sessions f WHERE f.session_id = sqlc.arg(session_id) AND f.user_id = sqlc.arg(user_id)
);

-- name: DeleteUserSessions :execrows
DELETE FROM up_sessions WHERE user_id = sqlc.arg(user_id);

-- name: DeleteDeviceSessions :execrows
DELETE FROM up_sessions WHERE user_id = sqlc.arg(user_id) AND device_id = sqlc.arg(device_id);

-- ListUserSessions lists the active sessions of a user: the active row of each family.
-- name: ListUserSessions :many
SELECT session_id, device_id, device_name, login_at, created_at
FROM up_sessions
WHERE user_id = sqlc.arg(user_id) AND child_id IS NULL AND expires_at > sqlc.arg(now)
ORDER BY created_at DESC, session_id
LIMIT 1000;

-- DeleteExpiredSessions deletes up to max_rows rows whose refresh token expired before
-- cutoff (the cleanup passes now minus the access-token lifespan, so every access token
-- still alive keeps its row).
-- name: DeleteExpiredSessions :execrows
DELETE FROM up_sessions
WHERE session_id IN (
    SELECT e.session_id FROM up_sessions e WHERE e.expires_at < sqlc.arg(cutoff)
    LIMIT CAST(sqlc.arg(max_rows) AS BIGINT)
);

-- RevokeUserTokens makes every legacy JWT issued to the user so far stop working (logout of
-- every session): tokens_valid_after becomes max(now, tokens_valid_after) + 1, with now in
-- Unix seconds (auth's revokeAfter, in one statement). It only moves forward, past the
-- token a password change issued in the same second (its iat is tokens_valid_after).
-- name: RevokeUserTokens :exec
UPDATE up_users
SET tokens_valid_after = CASE WHEN tokens_valid_after > sqlc.arg(now) THEN tokens_valid_after ELSE sqlc.arg(now) END + 1,
    kept_token_hash = NULL
WHERE id = sqlc.arg(id);
