-- name: ListRolesWithUserCounts :many
SELECT r.id, r.document_id, r.name, r.description, r.type, r.created_at, r.updated_at, r.published_at,
       (SELECT count(*) FROM up_users u WHERE u.role_id = r.id) AS nb_users
FROM up_roles r
ORDER BY r.id;

-- name: CreateRole :one
INSERT INTO up_roles (document_id, name, description, type, created_at, updated_at, published_at)
VALUES (sqlc.arg(document_id), sqlc.arg(name), sqlc.narg(description), sqlc.arg(type),
        sqlc.arg(now), sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- BumpRole is the first statement of every change to a role: it bumps the role's
-- perm_version, so that every instance reloads the role's permissions on its next request,
-- and locks the role's row until the commit, so that two changes of one role queue instead
-- of interleaving.
-- name: BumpRole :one
UPDATE up_roles SET perm_version = perm_version + 1, updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: SetRoleInfo :exec
UPDATE up_roles SET name = sqlc.arg(name), description = sqlc.narg(description)
WHERE id = sqlc.arg(id);

-- LockRoleForDelete is the first statement of a role's deletion. Changing type (a column
-- with a unique index, which a foreign key could reference) takes PostgreSQL's strongest row
-- lock, which also waits for, and then blocks, the transactions inserting or updating a user
-- with this role (their foreign key check takes a KEY SHARE lock on the role): no user can
-- get the role between the move of its users and the deletion, so none ends up without a
-- role. The renamed type is never visible: the row is deleted in the same transaction.
-- name: LockRoleForDelete :one
UPDATE up_roles SET type = type || '#deleted#' || document_id, perm_version = perm_version + 1
WHERE id = sqlc.arg(id)
RETURNING id;

-- name: MoveRoleUsers :execrows
UPDATE up_users SET role_id = sqlc.arg(to_role_id) WHERE role_id = sqlc.arg(from_role_id);

-- name: DeleteRole :exec
DELETE FROM up_roles WHERE id = sqlc.arg(id);

-- name: AddRolePermission :exec
INSERT INTO up_permissions (document_id, role_id, action, created_at, updated_at, published_at)
VALUES (sqlc.arg(document_id), sqlc.arg(role_id), sqlc.arg(action), sqlc.arg(now), sqlc.arg(now), sqlc.arg(now))
ON CONFLICT (role_id, action) DO NOTHING;

-- name: RemoveRolePermission :exec
DELETE FROM up_permissions WHERE role_id = sqlc.arg(role_id) AND action = sqlc.arg(action);
