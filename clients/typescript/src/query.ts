/**
 * Writes a query in qs's bracket syntax, the one Strapi (and this API) reads:
 *
 * - `{ filters: { username: { $startsWith: "a" } } }` → `filters[username][%24startsWith]=a`
 * - `{ filters: { $or: [{ blocked: true }, { confirmed: false }] } }` →
 *   `filters[%24or][0][blocked]=true&filters[%24or][1][confirmed]=false`
 * - `{ sort: ["username:asc"], fields: ["username"] }` → `sort[0]=username%3Aasc&fields[0]=username`
 * - `{ populate: { role: { fields: ["name"] } } }` → `populate[role][fields][0]=name`
 * - `{ sort: "username:asc", start: 0 }` → `sort=username%3Aasc&start=0`
 *
 * Lists are written with their indexes, objects with their keys, both nested as deep as they go;
 * every key segment and value is URL-encoded (the brackets are left as they are; the server decodes
 * a key before it reads its brackets, as qs does). `undefined` is left out, `null` is written as the
 * bare key (`filters[email][$null]`: qs's strictNullHandling, as Strapi parses), a `Date` as its
 * ISO string, other values as `String(value)`. Empty lists and objects write nothing.
 *
 * The client created by `createApiClient` uses it for every request; it is exported for
 * requests made without the client.
 */
export function strapiQuerySerializer(query: Record<string, unknown>): string {
	const parts: string[] = [];
	const write = (key: string, value: unknown): void => {
		if (value === undefined) return;
		if (value === null) {
			parts.push(key);
		} else if (value instanceof Date) {
			parts.push(`${key}=${encodeURIComponent(value.toISOString())}`);
		} else if (Array.isArray(value)) {
			value.forEach((item, i) => write(`${key}[${i}]`, item));
		} else if (typeof value === "object") {
			for (const [k, v] of Object.entries(value)) write(`${key}[${encodeURIComponent(k)}]`, v);
		} else {
			parts.push(`${key}=${encodeURIComponent(String(value))}`);
		}
	};
	for (const [name, value] of Object.entries(query)) write(encodeURIComponent(name), value);
	return parts.join("&");
}
