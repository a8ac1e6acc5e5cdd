-- name: GetStoreValue :one
SELECT value FROM core_store WHERE key = sqlc.arg(key);

-- name: PutStoreValue :exec
INSERT INTO core_store (key, value) VALUES (sqlc.arg(key), sqlc.arg(value))
ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- name: InitStoreValue :exec
INSERT INTO core_store (key, value) VALUES (sqlc.arg(key), sqlc.arg(value))
ON CONFLICT (key) DO NOTHING;
