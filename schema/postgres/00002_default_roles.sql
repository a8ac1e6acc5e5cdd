-- +goose Up
-- Strapi's first-boot data: the Authenticated and Public roles and their default
-- permissions (plugin server/src/services/users-permissions.js, DEFAULT_PERMISSIONS).
-- Done as a migration, so it happens exactly once even when several instances start at once.
INSERT INTO up_roles (id, document_id, name, description, type, created_at, updated_at, published_at) VALUES
    (1, 'wtrhykk0vdcmwobd2uq4niq7', 'Authenticated', 'Default role given to authenticated user.', 'authenticated', now(), now(), now()),
    (2, 'hr52kaeh75w2o0upbcrn3l20', 'Public', 'Default role given to unauthenticated user.', 'public', now(), now(), now());
SELECT setval(pg_get_serial_sequence('up_roles', 'id'), 2);

INSERT INTO up_permissions (document_id, role_id, action, created_at, updated_at, published_at)
SELECT substr(md5(random()::text || a.action), 1, 24), a.role_id, a.action, now(), now(), now()
FROM (VALUES
    (2, 'plugin::users-permissions.auth.callback'),
    (2, 'plugin::users-permissions.auth.connect'),
    (2, 'plugin::users-permissions.auth.forgotPassword'),
    (2, 'plugin::users-permissions.auth.resetPassword'),
    (2, 'plugin::users-permissions.auth.register'),
    (2, 'plugin::users-permissions.auth.emailConfirmation'),
    (2, 'plugin::users-permissions.auth.sendEmailConfirmation'),
    (2, 'plugin::users-permissions.auth.refresh'),
    (1, 'plugin::users-permissions.auth.logout'),
    (1, 'plugin::users-permissions.auth.getSessions'),
    (1, 'plugin::users-permissions.auth.revokeSession'),
    (1, 'plugin::users-permissions.user.me'),
    (1, 'plugin::users-permissions.auth.changePassword')
) AS a (role_id, action);

-- +goose Down
DELETE FROM up_permissions;
DELETE FROM up_roles;
