-- Queries of the import of a Strapi 5 database (internal/strapidb.Import) beyond import.sql.

-- ImportListUserProfiles lists the target's users with custom field values, for the import to
-- keep the unique fields unique (import_fields.go).
-- name: ImportListUserProfiles :many
SELECT id, profile FROM up_users WHERE profile IS NOT NULL ORDER BY id;
