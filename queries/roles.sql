-- name: GetRoleByType :one
SELECT * FROM up_roles WHERE type = sqlc.arg(type);

-- name: GetRole :one
SELECT * FROM up_roles WHERE id = sqlc.arg(id);

-- PublicRoles gives the roles anonymous callers act with, and their permission versions.
-- name: PublicRoles :many
SELECT id, perm_version FROM up_roles WHERE type = 'public' ORDER BY id;

-- name: ListRoleActions :many
SELECT action FROM up_permissions WHERE role_id = sqlc.arg(role_id) ORDER BY action;
