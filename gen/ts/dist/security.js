// Generated from openapi.yaml by clients/typescript/generate.mjs: do not edit.
/**
 * The operations that take a Bearer token, as `METHOD /path`. Every other operation is public:
 * the server refuses a user token there (403), so the client sends none.
 */
export const tokenOperations = new Set([
    "GET /api/users/me",
    "PUT /api/users/me",
    "POST /api/auth/change-password",
    "POST /api/auth/change-email",
    "POST /api/auth/logout",
    "GET /api/auth/sessions",
    "DELETE /api/auth/sessions/{sessionId}",
    "GET /api/users",
    "POST /api/users",
    "GET /api/users/count",
    "GET /api/users/{id}",
    "PUT /api/users/{id}",
    "DELETE /api/users/{id}",
    "GET /api/users-permissions/roles",
    "POST /api/users-permissions/roles",
    "GET /api/users-permissions/roles/{id}",
    "PUT /api/users-permissions/roles/{id}",
    "DELETE /api/users-permissions/roles/{id}",
    "GET /api/users-permissions/permissions",
]);
