-- +goose Up
-- Strapi's first-boot data: the Authenticated and Public roles and their default
-- permissions (plugin server/src/services/users-permissions.js, DEFAULT_PERMISSIONS).
-- Done as a migration, so it happens exactly once even when several instances start at once.
INSERT INTO up_roles (id, document_id, name, description, type, created_at, updated_at, published_at) VALUES
    (1, 'wtrhykk0vdcmwobd2uq4niq7', 'Authenticated', 'Default role given to authenticated user.', 'authenticated',
     strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now')),
    (2, 'hr52kaeh75w2o0upbcrn3l20', 'Public', 'Default role given to unauthenticated user.', 'public',
     strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'));

INSERT INTO up_permissions (document_id, role_id, action, created_at, updated_at, published_at)
SELECT lower(hex(randomblob(12))), a.column1, a.column2,
       strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now')
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
) AS a;

-- +goose Down
DELETE FROM up_permissions;
DELETE FROM up_roles;
