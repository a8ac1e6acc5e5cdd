-- Queries of the import of a Strapi 5 database (internal/strapidb.Import): inserts that keep
-- the source's ids. On PostgreSQL the caller moves the id sequences past the inserted ids in
-- the same transaction (store.InImportTx).

-- name: ImportRoleIDTaken :one
SELECT count(*) FROM up_roles WHERE id = sqlc.arg(id);

-- name: ImportRoleDocumentIDTaken :one
SELECT count(*) FROM up_roles WHERE document_id = sqlc.arg(document_id);

-- name: ImportInsertRoleWithID :exec
INSERT INTO up_roles (id, document_id, name, description, type, created_at, updated_at, published_at)
VALUES (sqlc.arg(id), sqlc.arg(document_id), sqlc.arg(name), sqlc.narg(description), sqlc.arg(type),
        sqlc.arg(created_at), sqlc.arg(updated_at), sqlc.arg(published_at));

-- name: ImportInsertRole :one
INSERT INTO up_roles (document_id, name, description, type, created_at, updated_at, published_at)
VALUES (sqlc.arg(document_id), sqlc.arg(name), sqlc.narg(description), sqlc.arg(type),
        sqlc.arg(created_at), sqlc.arg(updated_at), sqlc.arg(published_at))
RETURNING id;

-- ImportUpdateRole takes the source's name and description for an existing role of the same
-- type and bumps perm_version (its permissions are brought to the source's in the same
-- transaction).
-- name: ImportUpdateRole :exec
UPDATE up_roles SET name = sqlc.arg(name), description = sqlc.narg(description),
       perm_version = perm_version + 1, updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: ImportInsertUser :exec
INSERT INTO up_users (
    id, document_id, username, email, provider, password,
    reset_password_token_hash, reset_password_expires_at, confirmation_token_hash, confirmation_expires_at,
    confirmed, blocked, role_id, profile, created_at, updated_at, published_at
) VALUES (
    sqlc.arg(id), sqlc.arg(document_id), sqlc.arg(username), sqlc.arg(email), sqlc.arg(provider), sqlc.narg(password),
    sqlc.narg(reset_password_token_hash), sqlc.narg(reset_password_expires_at),
    sqlc.narg(confirmation_token_hash), sqlc.narg(confirmation_expires_at),
    sqlc.arg(confirmed), sqlc.arg(blocked), sqlc.narg(role_id), sqlc.narg(profile),
    sqlc.arg(created_at), sqlc.arg(updated_at), sqlc.arg(published_at)
);

-- ImportListUserKeys lists the target's users by id and documentId, to tell an earlier
-- import of the same source from other users.
-- name: ImportListUserKeys :many
SELECT id, document_id FROM up_users ORDER BY id;

-- ImportUserClashes finds the target's users a source user would collide with: the same id,
-- documentId, username or email (case-insensitively, as the unique index).
-- name: ImportUserClashes :many
SELECT * FROM up_users
WHERE id = sqlc.arg(id) OR document_id = sqlc.arg(document_id) OR username = sqlc.arg(username)
   OR lower(email) = sqlc.arg(email)
ORDER BY id;

-- ImportUpdateUser gives an earlier imported user the source's current values (merge
-- "update"). The tokens issued before stay valid, as they do in Strapi after a change: a
-- Strapi JWT issued after the change must keep working here.
-- name: ImportUpdateUser :exec
UPDATE up_users SET username = sqlc.arg(username), email = sqlc.arg(email), provider = sqlc.arg(provider),
    password = sqlc.narg(password),
    reset_password_token_hash = sqlc.narg(reset_password_token_hash), reset_password_expires_at = sqlc.narg(reset_password_expires_at),
    confirmation_token_hash = sqlc.narg(confirmation_token_hash), confirmation_expires_at = sqlc.narg(confirmation_expires_at),
    confirmed = sqlc.arg(confirmed), blocked = sqlc.arg(blocked), role_id = sqlc.narg(role_id), profile = sqlc.narg(profile),
    updated_at = sqlc.arg(updated_at), published_at = sqlc.arg(published_at)
WHERE id = sqlc.arg(id);
