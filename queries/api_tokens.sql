-- CreateAPIToken stores a content-API token (Strapi's admin API tokens). access_key is
-- the HMAC-SHA512 of the token with API_TOKEN_SALT; the token itself is never stored.
-- name: CreateAPIToken :one
INSERT INTO api_tokens (document_id, name, description, type, access_key, actions, expires_at, created_at, updated_at)
VALUES (sqlc.arg(document_id), sqlc.arg(name), sqlc.arg(description), sqlc.arg(type), sqlc.arg(access_key),
        sqlc.arg(actions), sqlc.narg(expires_at), sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- name: GetAPITokenByAccessKey :one
SELECT * FROM api_tokens WHERE access_key = sqlc.arg(access_key);

-- name: GetAPIToken :one
SELECT * FROM api_tokens WHERE id = sqlc.arg(id);

-- name: GetAPITokenByName :one
SELECT * FROM api_tokens WHERE name = sqlc.arg(name);

-- name: ListAPITokens :many
SELECT * FROM api_tokens ORDER BY name, id;

-- name: CountAPITokens :one
SELECT count(*) FROM api_tokens;

-- TouchAPIToken records a use of the token, at most once per period: the guard makes the
-- concurrent requests of one token update its row once.
-- name: TouchAPIToken :exec
UPDATE api_tokens SET last_used_at = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND (last_used_at IS NULL OR last_used_at < sqlc.arg(stale_before));

-- name: DeleteAPIToken :execrows
DELETE FROM api_tokens WHERE id = sqlc.arg(id);
