-- The users API (/api/users, Strapi's user.create/update/destroy): its writes and the
-- lookups they need. The list and the count are not here: Strapi's filter language is
-- dynamic, so their SQL is built at run time (internal/auth/userquery.go).

-- UsersAPIRoleByDocumentID finds the role a request names by its documentId.
-- name: UsersAPIRoleByDocumentID :one
SELECT * FROM up_roles WHERE document_id = sqlc.arg(document_id);

-- UsersAPIUpdateUser changes the fields given (NULL leaves a field as it is) in one
-- statement, so that concurrent updates of different fields all land.
-- name: UsersAPIUpdateUser :one
UPDATE up_users
SET username           = COALESCE(sqlc.narg(username), username),
    email              = COALESCE(sqlc.narg(email), email),
    password           = COALESCE(sqlc.narg(password), password),
    confirmed          = COALESCE(sqlc.narg(confirmed), confirmed),
    blocked            = COALESCE(sqlc.narg(blocked), blocked),
    role_id            = COALESCE(sqlc.narg(role_id), role_id),
    tokens_valid_after = COALESCE(sqlc.narg(tokens_valid_after), tokens_valid_after),
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;

-- UsersAPIDeleteUser deletes a user and returns it, as Strapi answers the deletion.
-- name: UsersAPIDeleteUser :one
DELETE FROM up_users WHERE id = sqlc.arg(id) RETURNING *;
