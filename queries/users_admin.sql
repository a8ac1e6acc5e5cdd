-- The users API (/api/users, Strapi's user.create/update/destroy): its writes and the
-- lookups they need. The list and the count are not here: Strapi's filter language is
-- dynamic, so their SQL is built at run time (internal/store/userquery.go).

-- UsersAPIRoleByDocumentID finds the role a request names by its documentId.
-- name: UsersAPIRoleByDocumentID :one
SELECT * FROM up_roles WHERE document_id = sqlc.arg(document_id);

-- UsersAPIUpdateUser changes the fields given (NULL leaves a field as it is) in one
-- statement, so that concurrent updates of different fields all land. With revoke_tokens
-- (a new password, a block) every token issued so far dies, kept one included
-- (tokens_valid_after moves past now and never back, as in RevokeUserTokens), and a
-- pending reset code stops working.
-- name: UsersAPIUpdateUser :one
UPDATE up_users
SET username           = COALESCE(sqlc.narg(username), username),
    email              = COALESCE(sqlc.narg(email), email),
    password           = COALESCE(sqlc.narg(password), password),
    confirmed          = COALESCE(sqlc.narg(confirmed), confirmed),
    blocked            = COALESCE(sqlc.narg(blocked), blocked),
    role_id            = COALESCE(sqlc.narg(role_id), role_id),
    tokens_valid_after = CASE WHEN NOT CAST(sqlc.arg(revoke_tokens) AS BOOLEAN) THEN tokens_valid_after
                              WHEN tokens_valid_after > sqlc.arg(now_unix) THEN tokens_valid_after + 1
                              ELSE sqlc.arg(now_unix) + 1 END,
    kept_token_hash           = CASE WHEN CAST(sqlc.arg(revoke_tokens) AS BOOLEAN) THEN NULL ELSE kept_token_hash END,
    reset_password_token_hash = CASE WHEN CAST(sqlc.arg(revoke_tokens) AS BOOLEAN) THEN NULL ELSE reset_password_token_hash END,
    reset_password_expires_at = CASE WHEN CAST(sqlc.arg(revoke_tokens) AS BOOLEAN) THEN NULL ELSE reset_password_expires_at END,
    updated_at = sqlc.arg(now), published_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;

-- UsersAPIDeleteUser deletes a user and returns it, as Strapi answers the deletion.
-- name: UsersAPIDeleteUser :one
DELETE FROM up_users WHERE id = sqlc.arg(id) RETURNING *;

-- UsersAPIDropCodes makes the reset code and the confirmation link of a user stop working:
-- an administrator changed the user's email, and they were mailed to the old address.
-- name: UsersAPIDropCodes :exec
UPDATE up_users
SET reset_password_token_hash = NULL, reset_password_expires_at = NULL,
    confirmation_token_hash = NULL, confirmation_expires_at = NULL
WHERE id = sqlc.arg(id);
