/**
 * The operations that take a Bearer token, as `METHOD /path`. Every other operation is public:
 * the server refuses a user token there (403), so the client sends none.
 */
export declare const tokenOperations: ReadonlySet<string>;
