import type { Client, ClientOptions, FetchResponse } from "openapi-fetch";
import type { components, paths } from "./schema.js";
export type { components, operations, paths } from "./schema.js";
export { strapiQuerySerializer } from "./query.js";
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
/**
 * A user as `GET /api/users/me` and the users routes show it: every field of {@link User} unless
 * the query's `fields` chose some (`id` and `documentId` always come), and `role` when populated.
 */
export type UserEntry = components["schemas"]["UserEntry"];
/**
 * The answer of register, login and reset-password: a JWT and its user, and in refresh mode
 * (`JWT_MANAGEMENT=refresh`) a refresh token too.
 */
export type AuthResponse = components["schemas"]["AuthResponse"];
/** Register's answer: `jwt` is absent when email confirmation is on (the user must confirm first). */
export type RegistrationResponse = components["schemas"]["RegistrationResponse"];
/**
 * The tokens of a session in refresh mode, as `POST /api/auth/refresh` answers them: the access
 * token `jwt` (10 minutes by default) and the refresh token, absent in cookie mode (it travels in
 * the httpOnly cookie `strapi_up_refresh`). A login's {@link AuthResponse} is one too.
 */
export type SessionTokens = components["schemas"]["RefreshResponse"];
/**
 * The answer of {@link ApiClient.providerCallback}: that of `GET /api/auth/{provider}/callback`
 * (`data` is an {@link AuthResponse}; `error` Strapi's 400 envelope, such as `OAuth authentication
 * requires a completed provider session` or `Email not verified by Google`).
 */
export type ProviderCallbackResult = FetchResponse<paths["/api/auth/{provider}/callback"]["get"], {
    params: {
        path: {
            provider: string;
        };
    };
}, `${string}/${string}`>;
/** What a logout ends: `{}` the current session, `{ scope: "all" }` all of them, `{ deviceId }` a device's. */
export type LogoutRequest = components["schemas"]["LogoutRequest"];
/** One of the current user's sessions, as `GET /api/auth/sessions` lists them. */
export type Session = components["schemas"]["Session"];
/** The answer of {@link ApiClient.logout}: that of `POST /api/auth/logout` (`data` is `{ ok: true }`). */
export type LogoutResult = FetchResponse<paths["/api/auth/logout"]["post"], {
    body: LogoutRequest;
}, `${string}/${string}`>;
/**
 * Options of {@link createApiClient}. Every optional one may also be given as `undefined` (as
 * `localStorage.getItem("refreshToken") ?? undefined`), under `exactOptionalPropertyTypes` too.
 */
export interface ApiClientOptions {
    /** Root URL of the API, such as `https://api.example.com` (no `/api` suffix). */
    baseUrl: string;
    /** A JWT from login, register or reset-password, sent to the operations that need one. */
    token?: string | undefined;
    /**
     * Refresh mode: a refresh token to start with, such as one stored at an earlier visit (call
     * {@link ApiClient.refresh} to get an access token from it). While the client holds a refresh
     * token, a 401 to a call that carried the access token refreshes the session and retries.
     */
    refreshToken?: string | undefined;
    /**
     * Refresh mode with the refresh token in the httpOnly cookie `strapi_up_refresh` (Strapi's
     * cookie mode): login, refresh and logout send `x-strapi-refresh-cookie: httpOnly`, every
     * request is made with `credentials: "include"` (the server must list the page's origin in
     * `CORS_ORIGIN`: `*` gives no credentials), and a 401 to a call that carried the access token
     * always tries a refresh. Script never sees the refresh token. After a page load, call {@link ApiClient.refresh} to get an access token from the cookie.
     */
    refreshCookie?: boolean | undefined;
    /**
     * Called whenever the tokens the client holds change (setToken, setTokens, a refresh, a logout,
     * the end of the session): to keep the refresh token in storage, for example. In body mode a
     * refresh rotates the refresh token and the old one soon stops working (replaying it ends the
     * session), so store the new one each time. `{}` when the client holds none.
     */
    onTokens?: ((tokens: Partial<SessionTokens>) => void) | undefined;
    /**
     * Called when the server refuses to refresh the session (logged out elsewhere, revoked,
     * expired, or ended because a stolen refresh token was replayed): the client has forgotten
     * its tokens, and the call that needed the refresh answers its 401. Time to show the login page.
     */
    onSessionEnd?: (() => void) | undefined;
    /** The fetch to use; defaults to `globalThis.fetch`. */
    fetch?: ClientOptions["fetch"] | undefined;
}
/**
 * An openapi-fetch client of the API that remembers the user's token.
 *
 * `Paths` types its calls: by default the bundled `paths`, generated from the committed
 * `openapi.yaml` (users without custom fields). An instance with custom user fields serves its
 * own spec (`mtb-api openapi`, `/openapi.yaml`): give the `paths` openapi-typescript generates
 * from it to {@link createApiClient} to have them typed.
 */
export interface ApiClient<Paths extends {} = paths> extends Client<Paths> {
    /** Send `token` from now on to the operations that need one (after login, for example). */
    setToken(token: string): void;
    /** Stop sending a token and forget the refresh token (log out locally; see {@link ApiClient.logout}). */
    clearToken(): void;
    /**
     * Refresh mode: keep a login's (register's, a refresh's) tokens, `api.setTokens(data)`. The access
     * token goes to the operations that need one; the refresh token, when there is one, lets the
     * client refresh: when a call that carried the access token answers 401, the client calls
     * `POST /api/auth/refresh` (once for all the calls that fail meanwhile), keeps the new tokens
     * and sends the call again, once. When the refresh fails, the call answers its 401.
     */
    setTokens(tokens: SessionTokens): void;
    /** The tokens the client holds (`refreshToken` is never there in cookie mode). */
    getTokens(): Partial<SessionTokens>;
    /**
     * Refresh mode: exchange the refresh token (held, or the cookie's in cookie mode) for new tokens
     * now, as a 401 does. Concurrent refreshes share one request. `true` when the client holds a
     * new access token; `false` when it has nothing to refresh with, the server refused (the tokens
     * are then forgotten and `onSessionEnd` is called) or failed (5xx: the tokens are kept).
     * A network failure throws.
     */
    refresh(): Promise<boolean>;
    /**
     * Refresh mode: end the session on the server (`POST /api/auth/logout` with the refresh token
     * in body mode, or the cookie, which the server clears, in cookie mode), then forget the tokens,
     * whatever the answer. `body` chooses other sessions to end, such as `{ scope: "all" }`.
     */
    logout(body?: LogoutRequest): Promise<LogoutResult>;
    /**
     * Sign-in with an OAuth provider, on the frontend's callback page (where the API sends the
     * browser back after the provider, see {@link connectUrl}): `GET /api/auth/{provider}/callback`
     * with `credentials: "include"`, so that the provider session cookie `koa.sess` goes along (the
     * server must list the page's origin in `CORS_ORIGIN`). On success the client keeps the answer's
     * tokens as {@link ApiClient.setTokens} does: the `jwt`, and the `refreshToken` in refresh mode
     * (any token held before is replaced: this is a new sign-in). With `refreshCookie`, it sends
     * `x-strapi-refresh-cookie: httpOnly` and the refresh token comes as the httpOnly cookie.
     * The provider session works once: a second call answers 400.
     */
    providerCallback(provider: string): Promise<ProviderCallbackResult>;
}
/**
 * The URL to send the browser to (a link or `location.assign`, not `fetch`) to sign in with an
 * OAuth provider the operator enabled: `<baseUrl>/api/connect/<provider>`, with `?callback=` when
 * `callback` is given. `baseUrl` is the API's root URL, as given to {@link createApiClient};
 * `callback`, when given, must be exactly the provider's configured callback (the server refuses
 * any other). After the provider, the API sends the browser to that callback page, which calls
 * {@link ApiClient.providerCallback}.
 */
export declare function connectUrl(baseUrl: string, provider: string, callback?: string): string;
/**
 * The longest Retry-After (seconds) the client waits for before retrying a 503 by itself; a
 * longer one is answered to the caller as it is (a user should not stare at a frozen page).
 */
export declare const maxRetryAfterSeconds = 30;
/**
 * Creates a client of the API.
 *
 * Its calls are typed from `Paths`: by default the bundled `paths` (the committed `openapi.yaml`,
 * users without custom fields). For an instance with custom user fields, generate `paths` from the
 * spec it serves (`mtb-api openapi > spec.yaml && npx openapi-typescript spec.yaml -o
 * api-schema.d.ts`, or its `/openapi.yaml`) and pass it: `createApiClient<paths>({ baseUrl })`;
 * requests and answers then carry the instance's fields, typed. The type must come from a spec of
 * the same version of the API as this client: the client knows which operations take a token from
 * its own spec, and its helpers (refresh, logout) use the bundled types.
 *
 * The token, when there is one, goes as `Authorization: Bearer <token>` only to the operations
 * `openapi.yaml` protects (such as `GET /api/users/me`). The public ones (login, register, password
 * recovery, refresh) never get it: the server refuses a user token there with 403 (an expired
 * one with 401), as Strapi does. An `Authorization` header given to a call is left as it is (and a
 * call made with another token than the client's is never refreshed).
 *
 * Errors answered by the server come back as `error`; only a network failure throws. Behind a proxy
 * that answers with a non-JSON page, `error` is that page's text.
 *
 * Refresh mode (`JWT_MANAGEMENT=refresh`) is used with {@link ApiClient.setTokens},
 * {@link ApiClientOptions.refreshToken} or {@link ApiClientOptions.refreshCookie}; without them
 * the client never refreshes. The retry sends a copy of the request taken before it went out
 * (the body included) with the new access token; it goes through the client's fetch, not through
 * the middlewares again. A `fetch` given to a single call bypasses the refresh.
 *
 * A 503 that carries `Retry-After` (the server's password hashing is busy: a burst of logins or
 * registrations) is retried once, after waiting that many seconds, with the same body: the call
 * takes that much longer and then answers the retry's answer. A 503 without the header, or one
 * asking to wait more than {@link maxRetryAfterSeconds} seconds, is answered at once.
 */
export declare function createApiClient<Paths extends {} = paths>(options: ApiClientOptions): ApiClient<Paths>;
