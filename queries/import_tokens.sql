-- Queries of the import of a Strapi 5 database's API tokens and refresh sessions
-- (internal/strapidb.Import, import_tokens.go and import_sessions.go).

-- name: ImportAPITokenDocumentIDTaken :one
SELECT count(*) FROM api_tokens WHERE document_id = sqlc.arg(document_id);

-- ImportInsertAPIToken stores a Strapi token with its hash (access_key), which is the same
-- function of the token here as in Strapi when API_TOKEN_SALT is the same: the token works
-- as it is. Its id is the target's own (nothing refers to a token by id but the CLI).
-- name: ImportInsertAPIToken :exec
INSERT INTO api_tokens (document_id, name, description, type, access_key, actions, expires_at, last_used_at, created_at, updated_at)
VALUES (sqlc.arg(document_id), sqlc.arg(name), sqlc.arg(description), sqlc.arg(type), sqlc.arg(access_key),
        sqlc.arg(actions), sqlc.narg(expires_at), sqlc.narg(last_used_at), sqlc.arg(created_at), sqlc.arg(updated_at));

-- ImportUpdateAPIToken gives an imported token the source's values (merge "update");
-- last_used_at stays the target's, which is the more recent use.
-- name: ImportUpdateAPIToken :exec
UPDATE api_tokens SET name = sqlc.arg(name), description = sqlc.arg(description), type = sqlc.arg(type),
       actions = sqlc.arg(actions), expires_at = sqlc.narg(expires_at), updated_at = sqlc.arg(updated_at)
WHERE id = sqlc.arg(id);

-- name: ImportGetSession :one
SELECT * FROM up_sessions WHERE session_id = sqlc.arg(session_id);

-- ImportInsertSession stores a Strapi session row, rotated (child_id set) or active.
-- name: ImportInsertSession :exec
INSERT INTO up_sessions (
    session_id, family_id, user_id, child_id, device_id, device_name, login_at, created_at, expires_at, absolute_expires_at
) VALUES (
    sqlc.arg(session_id), sqlc.arg(family_id), sqlc.arg(user_id), sqlc.narg(child_id), sqlc.narg(device_id),
    sqlc.narg(device_name), sqlc.arg(login_at), sqlc.arg(created_at), sqlc.arg(expires_at), sqlc.arg(absolute_expires_at)
);

-- ImportUpdateSession brings an imported session row up to date with Strapi's (merge
-- "update"): Strapi rotated it, or extended its idle deadline, since the last import.
-- name: ImportUpdateSession :exec
UPDATE up_sessions SET child_id = sqlc.narg(child_id), expires_at = sqlc.arg(expires_at)
WHERE session_id = sqlc.arg(session_id);
