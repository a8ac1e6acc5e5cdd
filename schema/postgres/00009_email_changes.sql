-- +goose Up
-- Change of email (this service's own routes, not Strapi's): a user asks, with their
-- password, for a new address; the change waits here until the link mailed to that address
-- is used. One pending change per user: a new request replaces the row (and its link).
--   new_email:  lower-cased, as register stores emails; checked free again when the link
--               is used, since a pending change reserves nothing.
--   token_hash: the SHA-256 (hex) of the link's code, as the reset and confirmation codes
--               are stored (decision D4); the code works once and until expires_at.
-- The row goes with its user (ON DELETE CASCADE), and a password change, reset, an
-- administrator's new password or a block deletes it: a change asked for by whoever knew
-- the old password must not survive the owner taking the account back.
CREATE TABLE up_email_changes (
    user_id    BIGINT      NOT NULL PRIMARY KEY REFERENCES up_users (id) ON DELETE CASCADE,
    new_email  TEXT        NOT NULL,
    token_hash TEXT        NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- The two new actions, for the roles of the default types where they still exist: asking
-- for a change is the Authenticated role's, using the link the Public role's (as the
-- email-confirmation link). Their versions move on so that every instance reloads them.
INSERT INTO up_permissions (document_id, role_id, action, created_at, updated_at, published_at)
SELECT substr(md5(random()::text || a.action), 1, 24), r.id, a.action, now(), now(), now()
FROM (VALUES
    ('authenticated', 'plugin::users-permissions.auth.changeEmail'),
    ('public', 'plugin::users-permissions.auth.emailChangeConfirmation')
) AS a (role_type, action)
JOIN up_roles r ON r.type = a.role_type
ON CONFLICT (role_id, action) DO NOTHING;
UPDATE up_roles SET perm_version = perm_version + 1 WHERE type IN ('authenticated', 'public');

-- +goose Down
DELETE FROM up_permissions WHERE action IN (
    'plugin::users-permissions.auth.changeEmail', 'plugin::users-permissions.auth.emailChangeConfirmation');
UPDATE up_roles SET perm_version = perm_version + 1 WHERE type IN ('authenticated', 'public');
DROP TABLE up_email_changes;
