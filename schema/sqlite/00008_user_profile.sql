-- +goose Up
-- Custom user fields (the operator's declaration, internal/profile): a user's values are one
-- JSON object (text), NULL when the user has none. A unique field gets an expression index on
-- its value, made at start (store.SyncProfile), named up_users_profile_<field>_key.
ALTER TABLE up_users ADD COLUMN profile TEXT;

-- The fields declared so far, active or retired: a start compares the declaration with them,
-- so that a retired field keeps its values and an incompatible change is refused.
CREATE TABLE up_user_fields (
    name        TEXT     PRIMARY KEY,
    type        TEXT     NOT NULL,
    is_unique   BOOLEAN  NOT NULL,
    retired     BOOLEAN  NOT NULL,
    declared_at DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);

-- PUT /api/users/me: a user edits their own profile (user.updateMe), granted to the
-- Authenticated role as user.me is.
INSERT INTO up_permissions (document_id, role_id, action, created_at, updated_at, published_at)
SELECT lower(hex(randomblob(12))), r.id, 'plugin::users-permissions.user.updateMe',
       strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now')
FROM up_roles r WHERE r.type = 'authenticated'
ON CONFLICT (role_id, action) DO NOTHING;
UPDATE up_roles SET perm_version = perm_version + 1 WHERE type = 'authenticated';

-- +goose Down
DELETE FROM up_permissions WHERE action = 'plugin::users-permissions.user.updateMe';
DROP TABLE up_user_fields;
ALTER TABLE up_users DROP COLUMN profile;
