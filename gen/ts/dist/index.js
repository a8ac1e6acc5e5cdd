/**
 * Typed client of the MTB Backend API (Strapi 5 Users & Permissions compatible).
 *
 * The types come from `openapi.yaml` (openapi-typescript); the requests are made by
 * {@link https://openapi-ts.dev/openapi-fetch/ | openapi-fetch}. Every call answers
 * `{ data, error, response }`: `data` is the typed success body, `error` the typed error envelope
 * ({@link ApiError}), exactly one of the two is set.
 *
 * @example
 * ```ts
 * import { createApiClient } from "@mtb/api-client";
 *
 * const api = createApiClient({ baseUrl: "http://localhost:1337" });
 * const { data, error } = await api.POST("/api/auth/local", {
 *   body: { identifier: "johndoe@example.com", password: "SecurePass123!" },
 * });
 * if (error) throw new Error(error.error.message); // "Invalid identifier or password"
 * api.setToken(data.jwt);
 * const me = await api.GET("/api/users/me"); // sends Authorization: Bearer <jwt>
 * ```
 *
 * @packageDocumentation
 */
import createClient from "openapi-fetch";
import { tokenOperations } from "./security.js";
/**
 * Creates a client of the API.
 *
 * The token, when there is one, goes as `Authorization: Bearer <token>` only to the operations
 * `openapi.yaml` protects (such as `GET /api/users/me`). The public ones (login, register, password
 * recovery) never get it: the server refuses a user token there with 403, as Strapi does. An
 * `Authorization` header given to a call is left as it is.
 *
 * Errors answered by the server come back as `error`; only a network failure throws. Behind a proxy
 * that answers with a non-JSON page, `error` is that page's text.
 */
export function createApiClient(options) {
    let token = options.token;
    const client = createClient({ baseUrl: options.baseUrl, fetch: options.fetch });
    client.use({
        onRequest({ request, schemaPath }) {
            if (token && !request.headers.has("Authorization") && tokenOperations.has(`${request.method} ${schemaPath}`)) {
                request.headers.set("Authorization", `Bearer ${token}`);
            }
            return request;
        },
    });
    return Object.assign(client, {
        setToken(value) {
            token = value;
        },
        clearToken() {
            token = undefined;
        },
    });
}
