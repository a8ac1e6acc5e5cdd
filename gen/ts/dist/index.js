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
 * With the server in refresh mode (`JWT_MANAGEMENT=refresh`), the client keeps both tokens and
 * refreshes the short-lived access token by itself (see {@link ApiClient.setTokens}):
 *
 * @example
 * ```ts
 * const api = createApiClient({
 *   baseUrl: "http://localhost:1337",
 *   refreshToken: localStorage.getItem("refreshToken") ?? undefined, // from an earlier visit
 *   onTokens: ({ refreshToken }) =>
 *     refreshToken ? localStorage.setItem("refreshToken", refreshToken) : localStorage.removeItem("refreshToken"),
 *   onSessionEnd: () => router.push("/login"), // the server refused the refresh token
 * });
 * await api.refresh(); // on start: an access token from the stored refresh token
 *
 * const { data } = await api.POST("/api/auth/local", { body: { identifier, password } });
 * if (data) api.setTokens(data); // { jwt, refreshToken }
 * await api.GET("/api/users/me"); // a 401 (expired access token) refreshes once and retries
 * await api.logout(); // ends the session on the server and forgets the tokens
 * ```
 *
 * An instance with custom user fields (`USER_FIELDS_FILE`) serves a spec that has them; with the
 * `paths` type generated from it, `createApiClient<paths>()` types them in requests and answers:
 *
 * @example
 * ```ts
 * // mtb-api openapi > openapi.riders.yaml && npx openapi-typescript openapi.riders.yaml -o api-schema.d.ts
 * import type { paths } from "./api-schema.js";
 *
 * const api = createApiClient<paths>({ baseUrl: "http://localhost:1337", token });
 * const { data } = await api.PUT("/api/users/me", { body: { club: "Trek" } });
 * data?.club; // string | null | undefined
 * ```
 *
 * @packageDocumentation
 */
import createClient from "openapi-fetch";
import { strapiQuerySerializer } from "./query.js";
import { tokenOperations } from "./security.js";
export { strapiQuerySerializer } from "./query.js";
/**
 * The URL to send the browser to (a link or `location.assign`, not `fetch`) to sign in with an
 * OAuth provider the operator enabled: `<baseUrl>/api/connect/<provider>`, with `?callback=` when
 * `callback` is given. `baseUrl` is the API's root URL, as given to {@link createApiClient};
 * `callback`, when given, must be exactly the provider's configured callback (the server refuses
 * any other). After the provider, the API sends the browser to that callback page, which calls
 * {@link ApiClient.providerCallback}.
 */
export function connectUrl(baseUrl, provider, callback) {
    const url = `${baseUrl.replace(/\/+$/, "")}/api/connect/${encodeURIComponent(provider)}`;
    return callback === undefined ? url : `${url}?${new URLSearchParams({ callback })}`;
}
/** The operations that take `x-strapi-refresh-cookie` (the server ignores it elsewhere). */
const cookieOperations = new Set([
    "POST /api/auth/local",
    "GET /api/auth/{provider}/callback",
    "POST /api/auth/refresh",
    "POST /api/auth/logout",
]);
/** The token of a request's `Authorization: Bearer <token>`, if any. */
function bearerToken(request) {
    const auth = request.headers.get("Authorization");
    return auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length) : undefined;
}
/**
 * The longest Retry-After (seconds) the client waits for before retrying a 503 by itself; a
 * longer one is answered to the caller as it is (a user should not stare at a frozen page).
 */
export const maxRetryAfterSeconds = 30;
/**
 * The seconds a 503 asks to wait before a retry (its Retry-After, whole seconds, as the server
 * sends it), when the client should retry by itself: 1 to {@link maxRetryAfterSeconds}.
 * `undefined` for any other answer, a 503 without the header, an HTTP date or a longer wait.
 */
function retryAfterSeconds(response) {
    if (response.status !== 503)
        return undefined;
    const value = response.headers.get("Retry-After")?.trim() ?? "";
    if (!/^[0-9]+$/.test(value))
        return undefined;
    const seconds = Number(value);
    return seconds <= maxRetryAfterSeconds ? seconds : undefined;
}
/** Whether a refused refresh means the session is over (a 5xx, 408 or 429 may pass). */
function sessionOver(status) {
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
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
export function createApiClient(options) {
    const { refreshCookie = false, onTokens, onSessionEnd } = options;
    const baseFetch = options.fetch ?? globalThis.fetch;
    let access = options.token;
    let refreshToken = options.refreshToken;
    // The access token the last refresh replaced: a call sent with it just before is still ours.
    let replaced;
    // Counts the changes of tokens made from outside (set, clear, end of session): a refresh or a
    // retry that started before one of them leaves the new tokens alone.
    let epoch = 0;
    // The refresh in flight, shared by the calls of the epoch it started in only: after a change
    // of tokens from outside, a refresh is made with the new ones.
    let refreshing;
    const canRefresh = () => refreshCookie || refreshToken !== undefined;
    const held = () => ({
        ...(access === undefined ? {} : { jwt: access }),
        ...(refreshToken === undefined ? {} : { refreshToken }),
    });
    const notify = () => onTokens?.(held());
    const replace = (jwt, refresh) => {
        access = jwt;
        refreshToken = refresh;
        replaced = undefined;
        epoch++;
        notify();
    };
    /**
     * Sends a request. When the server answers 503 with a Retry-After of at most
     * {@link maxRetryAfterSeconds} seconds (the password hash pool is busy: a burst of logins or
     * registrations), waits that long and sends a copy of it once more.
     */
    async function send(request) {
        // The copy is taken before fetch consumes the body, so that the retry sends the same one.
        const again = request.clone();
        const response = await sendRefreshing(request);
        const wait = retryAfterSeconds(response);
        if (wait === undefined)
            return response;
        await response.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        return sendRefreshing(again);
    }
    /** Sends a request; when it carried our access token and answers 401, refreshes and retries once. */
    async function sendRefreshing(request) {
        const sent = bearerToken(request);
        const started = epoch;
        const ours = sent !== undefined && (sent === access || sent === replaced);
        // The copy is taken before fetch consumes the body.
        const retry = ours && canRefresh() ? request.clone() : undefined;
        const response = await baseFetch(request);
        if (response.status !== 401 || !retry || epoch !== started)
            return response;
        // Another call may have refreshed while this one was out; otherwise refresh now.
        const fresh = access !== sent ? access : (await refresh()) ? access : undefined;
        if (fresh === undefined || epoch !== started)
            return response;
        await response.body?.cancel();
        retry.headers.set("Authorization", `Bearer ${fresh}`);
        return baseFetch(retry);
    }
    async function exchange() {
        const started = epoch;
        const sentRefresh = refreshToken;
        const { data, response } = await client.POST("/api/auth/refresh", {
            body: sentRefresh === undefined ? {} : { refreshToken: sentRefresh },
        });
        if (epoch !== started) {
            // Set or cleared meanwhile: that wins. But when the refresh token sent is still the one
            // held (setToken changed the access token only), the server rotated it: the old one soon
            // stops working, so keep the new one.
            if (data?.refreshToken !== undefined && sentRefresh !== undefined && refreshToken === sentRefresh) {
                refreshToken = data.refreshToken;
                notify();
            }
            return false;
        }
        if (data) {
            replaced = access;
            access = data.jwt;
            refreshToken = data.refreshToken; // none in cookie mode: the cookie has it
            notify();
            return true;
        }
        if (sessionOver(response.status)) {
            replace(undefined, undefined);
            onSessionEnd?.();
        }
        return false;
    }
    function refresh() {
        if (!canRefresh())
            return Promise.resolve(false);
        if (refreshing?.epoch === epoch)
            return refreshing.promise;
        const current = {
            epoch,
            promise: exchange().finally(() => {
                if (refreshing === current)
                    refreshing = undefined;
            }),
        };
        refreshing = current;
        return current.promise;
    }
    const client = createClient({
        baseUrl: options.baseUrl,
        fetch: send,
        // filters, sort, fields and populate in Strapi's bracket syntax (openapi-fetch's own
        // serializer refuses objects nested deeper than one level).
        querySerializer: strapiQuerySerializer,
        ...(refreshCookie ? { credentials: "include" } : {}),
    });
    client.use({
        onRequest({ request, schemaPath }) {
            const operation = `${request.method} ${schemaPath}`;
            if (access && !request.headers.has("Authorization") && tokenOperations.has(operation)) {
                request.headers.set("Authorization", `Bearer ${access}`);
            }
            if (refreshCookie && cookieOperations.has(operation) && !request.headers.has("x-strapi-refresh-cookie")) {
                request.headers.set("x-strapi-refresh-cookie", "httpOnly");
            }
            return request;
        },
    });
    // The client is typed from Paths for its callers; the helpers above use it with the bundled types.
    return Object.assign(client, {
        setToken(value) {
            replace(value, refreshToken);
        },
        clearToken() {
            replace(undefined, undefined);
        },
        setTokens(tokens) {
            replace(tokens.jwt, tokens.refreshToken);
        },
        getTokens: held,
        refresh,
        async logout(body) {
            try {
                return await client.POST("/api/auth/logout", {
                    body: body ?? (refreshToken === undefined ? {} : { refreshToken }),
                });
            }
            finally {
                replace(undefined, undefined);
            }
        },
        async providerCallback(provider) {
            const result = await client.GET("/api/auth/{provider}/callback", {
                params: { path: { provider } },
                credentials: "include",
            });
            if (result.data)
                replace(result.data.jwt, result.data.refreshToken);
            return result;
        },
    });
}
