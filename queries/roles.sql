-- name: GetRoleByType :one
SELECT * FROM up_roles WHERE type = sqlc.arg(type);

-- name: GetRole :one
SELECT * FROM up_roles WHERE id = sqlc.arg(id);

-- PublicRole gives the role anonymous callers act with, and its permission version. There
-- is at most one: up_roles.type is unique.
-- name: PublicRole :one
SELECT id, perm_version FROM up_roles WHERE type = 'public';

-- PublicRoles lists the public roles (a test checks the migrations seed exactly one).
-- name: PublicRoles :many
SELECT id, perm_version FROM up_roles WHERE type = 'public' ORDER BY id;

-- name: ListRoleActions :many
SELECT action FROM up_permissions WHERE role_id = sqlc.arg(role_id) ORDER BY action;
