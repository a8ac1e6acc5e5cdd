import type { Client, ClientOptions } from "openapi-fetch";
import type { components, paths } from "./schema.js";
export type { components, operations, paths } from "./schema.js";
export type { Middleware } from "openapi-fetch";
/**
 * Strapi's error envelope, the body of every error answer:
 * `{ data: null, error: { status, name, message, details } }`. `error.message` is meant for
 * developers and may be shown to users; `error.details.errors` lists the invalid fields of a
 * validation error.
 */
export type ApiError = components["schemas"]["Error"];
/** A user as the API shows it (never with a password or a code). */
export type User = components["schemas"]["User"];
/** The answer of register, login and reset-password: a JWT and its user. */
export type AuthResponse = components["schemas"]["AuthResponse"];
/** Register's answer: `jwt` is absent when email confirmation is on (the user must confirm first). */
export type RegistrationResponse = components["schemas"]["RegistrationResponse"];
/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
    /** Root URL of the API, such as `https://api.example.com` (no `/api` suffix). */
    baseUrl: string;
    /** A JWT from login, register or reset-password, sent to the operations that need one. */
    token?: string;
    /** The fetch to use; defaults to `globalThis.fetch`. */
    fetch?: ClientOptions["fetch"];
}
/** An openapi-fetch client of the API that remembers the user's token. */
export interface ApiClient extends Client<paths> {
    /** Send `token` from now on to the operations that need one (after login, for example). */
    setToken(token: string): void;
    /** Stop sending a token (log out). */
    clearToken(): void;
}
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
export declare function createApiClient(options: ApiClientOptions): ApiClient;
