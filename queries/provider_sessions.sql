-- Provider sessions (provider_sessions): the server-side state of a sign-in with an OAuth
-- provider, found by the hash of the browser's koa.sess cookie.

-- CreateProviderSession records the start leg of a sign-in.
-- name: CreateProviderSession :exec
INSERT INTO provider_sessions (id, provider, state, verifier, nonce, callback, created_at, expires_at)
VALUES (sqlc.arg(id), sqlc.arg(provider), sqlc.arg(state), sqlc.arg(verifier), sqlc.arg(nonce),
        sqlc.narg(callback), sqlc.arg(now), sqlc.arg(expires_at));

-- GetProviderSession reads a live provider session.
-- name: GetProviderSession :one
SELECT * FROM provider_sessions WHERE id = sqlc.arg(id) AND expires_at > sqlc.arg(now);

-- ConsumeProviderState takes the state of a live session of provider for the provider's
-- redirect back: one statement, so that of two redirects with the same state (a replay)
-- exactly one gets it.
-- name: ConsumeProviderState :one
UPDATE provider_sessions SET state = NULL
WHERE id = sqlc.arg(id) AND provider = sqlc.arg(provider) AND state = sqlc.arg(state) AND expires_at > sqlc.arg(now)
RETURNING *;

-- CompleteProviderSession records what the provider said: a verified profile, or why it
-- cannot sign in.
-- name: CompleteProviderSession :exec
UPDATE provider_sessions SET email = sqlc.narg(email), username = sqlc.narg(username), error = sqlc.narg(error)
WHERE id = sqlc.arg(id);

-- TakeProviderSession consumes a completed session of provider (single use).
-- name: TakeProviderSession :one
DELETE FROM provider_sessions
WHERE id = sqlc.arg(id) AND provider = sqlc.arg(provider) AND expires_at > sqlc.arg(now)
  AND state IS NULL AND (email IS NOT NULL OR error IS NOT NULL)
RETURNING *;

-- DeleteProviderSession ends a provider session, whatever its stage.
-- name: DeleteProviderSession :exec
DELETE FROM provider_sessions WHERE id = sqlc.arg(id);

-- DeleteExpiredProviderSessions deletes up to max_rows provider sessions that expired
-- before now.
-- name: DeleteExpiredProviderSessions :execrows
DELETE FROM provider_sessions
WHERE id IN (
    SELECT p.id FROM provider_sessions p WHERE p.expires_at <= sqlc.arg(now)
    LIMIT CAST(sqlc.arg(max_rows) AS BIGINT)
);

-- ProviderUsersByEmail lists the accounts with an email (lower-cased; at most one, as the
-- email index is unique), for the linking rules of a provider sign-in.
-- name: ProviderUsersByEmail :many
SELECT * FROM up_users WHERE lower(email) = sqlc.arg(email) ORDER BY id LIMIT 100;

-- UsernameTaken tells whether an account has this username.
-- name: UsernameTaken :one
SELECT EXISTS (SELECT 1 FROM up_users WHERE username = sqlc.arg(username));
