// Generated from openapi.yaml by clients/typescript/generate.mjs: do not edit.

/**
 * The operations that take a Bearer token, as `METHOD /path`. Every other operation is public:
 * the server refuses a user token there (403), so the client sends none.
 */
export const tokenOperations: ReadonlySet<string> = new Set([
	"GET /api/users/me",
]);
