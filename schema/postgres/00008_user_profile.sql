-- +goose Up
-- Custom user fields (the operator's declaration, internal/profile): a user's values are one
-- JSON object, NULL when the user has none. A unique field gets an expression index on its
-- value, made at start (store.SyncProfile), named up_users_profile_<field>_key.
ALTER TABLE up_users ADD COLUMN profile JSONB;

-- The fields declared so far, active or retired: a start compares the declaration with them,
-- so that a retired field keeps its values and an incompatible change is refused.
CREATE TABLE up_user_fields (
    name        TEXT        PRIMARY KEY,
    type        TEXT        NOT NULL,
    is_unique   BOOLEAN     NOT NULL,
    retired     BOOLEAN     NOT NULL,
    declared_at TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- PUT /api/users/me: a user edits their own profile (user.updateMe), granted to the
-- Authenticated role as user.me is.
INSERT INTO up_permissions (document_id, role_id, action, created_at, updated_at, published_at)
SELECT substr(md5(random()::text || r.id::text), 1, 24), r.id, 'plugin::users-permissions.user.updateMe', now(), now(), now()
FROM up_roles r WHERE r.type = 'authenticated'
ON CONFLICT (role_id, action) DO NOTHING;
UPDATE up_roles SET perm_version = perm_version + 1 WHERE type = 'authenticated';

-- +goose Down
DELETE FROM up_permissions WHERE action = 'plugin::users-permissions.user.updateMe';
DROP TABLE up_user_fields;
ALTER TABLE up_users DROP COLUMN profile;
