'use strict';
// Builds manifest.json (on stdout) from the databases Strapi wrote plus what make-fixtures.sh
// recorded ($WORK/<engine>/seed-out.json, http.json, mail/). Run by make-fixtures.sh with
// NODE_PATH=<strapi app>/node_modules (knex, better-sqlite3, pg, bcryptjs, jsonwebtoken).
// It cross-checks what it records: bcrypt hashes against the plaintext passwords, api-token HMACs
// against the plaintext keys, encrypted keys against the plaintext keys, JWT signatures, mailed codes
// against the stored tokens; any mismatch aborts.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const knexLib = require('knex');
const bcrypt = require('bcryptjs');
const jwt = require('jsonwebtoken');

const WORK = process.env.WORK;
const PGURL = process.env.PGURL;
const SECRETS = {
  JWT_SECRET: 'reference-secret',
  API_TOKEN_SALT: 'reference-api-token-salt',
  APP_KEYS: ['refKeyA==', 'refKeyB==', 'refKeyC==', 'refKeyD=='],
  ADMIN_JWT_SECRET: 'reference-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'reference-transfer-token-salt',
  ENCRYPTION_KEY: 'reference-encryption-key-32bytes!',
};
// users registered over HTTP by make-fixtures.sh (the seed reports its own users' passwords)
const HTTP_PASSWORDS = { carol: 'Carol-Pass-123', frank: 'Frank-Pass-123' };
const CUSTOM_FIELDS = {
  firstName: { type: 'string', column: 'first_name' },
  club: { type: 'string', column: 'club' },
  licenseNumber: { type: 'string', unique: true, column: 'license_number' },
  birthDate: { type: 'date', column: 'birth_date' },
  newsletter: { type: 'boolean', default: false, column: 'newsletter' },
  category: { type: 'enumeration', enum: ['elite', 'junior', 'master'], column: 'category' },
  weightKg: { type: 'decimal', column: 'weight_kg' },
};

const fail = (msg) => { throw new Error(msg); };
const iso = (v) => (v === null || v === undefined ? null : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v).toISOString());
const bool = (v) => (v === null || v === undefined ? null : v === true || v === 1 || v === '1' || v === 't');
const num = (v) => (v === null || v === undefined ? null : Number(v));
const dateOnly = (v) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.slice(0, 10);
  // pg returns DATE as a local-midnight Date
  const d = v; return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const json = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
const hmac = (key) => crypto.createHmac('sha512', SECRETS.API_TOKEN_SALT).update(key).digest('hex');
const decrypt = (enc) => {
  const [version, ivHex, dataHex, tagHex] = enc.split(':');
  if (version !== 'v1') fail(`unknown encryption version ${version}`);
  const key = crypto.createHash('sha256').update(SECRETS.ENCRYPTION_KEY).digest();
  const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(ivHex, 'hex'));
  d.setAuthTag(Buffer.from(tagHex, 'hex'));
  return d.update(Buffer.from(dataHex, 'hex'), undefined, 'utf8') + d.final('utf8');
};

async function engineData(engine) {
  const dir = path.join(WORK, engine);
  const seed = JSON.parse(fs.readFileSync(path.join(dir, 'seed-out.json'), 'utf8'));
  const http = JSON.parse(fs.readFileSync(path.join(dir, 'http.json'), 'utf8'));
  const mails = fs.readdirSync(path.join(dir, 'mail')).filter((f) => f !== 'last.json').sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'mail', f), 'utf8')));
  const db = engine === 'sqlite'
    ? knexLib({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'data.db') }, useNullAsDefault: true })
    : knexLib({ client: 'pg', connection: PGURL });
  try {
    const roles = await db('up_roles').orderBy('id');
    const permRows = await db('up_permissions as p').join('up_permissions_role_lnk as l', 'l.permission_id', 'p.id')
      .select('p.id', 'p.action', 'l.role_id', 'l.permission_ord').orderBy('p.id');
    const users = await db('up_users as u').leftJoin('up_users_role_lnk as l', 'l.user_id', 'u.id')
      .select('u.*', 'l.role_id').orderBy('u.id');
    const tokens = await db('strapi_api_tokens').orderBy('id');
    const tokenPerms = await db('strapi_api_token_permissions as p')
      .join('strapi_api_token_permissions_token_lnk as l', 'l.api_token_permission_id', 'p.id')
      .select('p.id', 'p.action', 'l.api_token_id').orderBy('p.id');
    const sessions = await db('strapi_sessions').orderBy('id');
    const store = Object.fromEntries((await db('strapi_core_store_settings')
      .whereIn('key', ['plugin_users-permissions_advanced', 'plugin_users-permissions_email', 'plugin_users-permissions_grant'])
      .orderBy('key'))
      .map((r) => [r.key.replace('plugin_users-permissions_', ''), json(r.value)]));

    const roleById = Object.fromEntries(roles.map((r) => [r.id, r]));
    const passwords = { ...HTTP_PASSWORDS };
    for (const u of seed.users) if (u.password) passwords[u.username] = u.password;

    const outUsers = [];
    for (const u of users) {
      const seedUser = seed.users.find((s) => s.username === u.username);
      if (seedUser && (seedUser.id !== u.id || seedUser.documentId !== u.document_id)) fail(`${engine}: seed/db mismatch for ${u.username}`);
      const password = passwords[u.username] ?? null;
      if (password && !(await bcrypt.compare(password, u.password))) fail(`${engine}: bcrypt mismatch for ${u.username}`);
      if (!password && u.password) fail(`${engine}: ${u.username} has a password hash but no known plaintext`);
      const custom = {};
      for (const [name, def] of Object.entries(CUSTOM_FIELDS)) {
        const v = u[def.column];
        custom[name] = def.type === 'boolean' ? bool(v) : def.type === 'decimal' ? num(v) : def.type === 'date' ? dateOnly(v) : v ?? null;
      }
      outUsers.push({
        id: u.id,
        documentId: u.document_id,
        username: u.username,
        email: u.email,
        provider: u.provider,
        password,
        passwordHash: u.password ?? null,
        confirmed: bool(u.confirmed),
        blocked: bool(u.blocked),
        role: roleById[u.role_id]?.type ?? null,
        roleId: u.role_id ?? null,
        resetPasswordToken: u.reset_password_token ?? null,
        confirmationToken: u.confirmation_token ?? null,
        createdAt: iso(u.created_at),
        updatedAt: iso(u.updated_at),
        publishedAt: iso(u.published_at),
        custom,
      });
    }
    // mailed codes are the stored ones (Strapi stores the plain codes)
    const byName = Object.fromEntries(outUsers.map((u) => [u.username, u]));
    const mailTo = (addr) => mails.filter((m) => m.envelopeTo.includes(addr));
    for (const name of ['carol', 'frank']) {
      const u = byName[name];
      const m = mailTo(u.email)[0] || fail(`${engine}: no confirmation mail for ${name}`);
      if (!u.confirmationToken || !m.text.includes(`confirmation=${u.confirmationToken}`)) fail(`${engine}: confirmation token of ${name} not in mail`);
    }
    {
      const u = byName.dave;
      const m = mailTo(u.email)[0] || fail(`${engine}: no reset mail for dave`);
      if (!u.resetPasswordToken || !m.text.includes(`code=${u.resetPasswordToken}`)) fail(`${engine}: reset code of dave not in mail`);
    }

    const outTokens = tokens.map((t) => {
      const seedTok = seed.apiTokens.find((s) => s.id === t.id);
      const plain = t.encrypted_key ? decrypt(t.encrypted_key) : null;
      if (seedTok && seedTok.accessKey !== plain) fail(`${engine}: decrypted key differs from the key create() returned for ${t.name}`);
      if (hmac(plain) !== t.access_key) fail(`${engine}: HMAC mismatch for ${t.name}`);
      return {
        id: t.id,
        documentId: t.document_id,
        name: t.name,
        description: t.description,
        kind: t.kind,
        type: t.type,
        accessKey: plain,
        accessKeyHash: t.access_key,
        encryptedKey: t.encrypted_key,
        lifespan: num(t.lifespan),
        expiresAt: iso(t.expires_at),
        lastUsedAt: iso(t.last_used_at),
        createdBy: seedTok ? 'seed.js (admin::api-token create, plaintext as returned)' : 'Strapi first boot default token (plaintext decrypted from encrypted_key)',
        permissions: tokenPerms.filter((p) => p.api_token_id === t.id).map((p) => p.action).sort(),
      };
    });

    // legacy JWT (legacy-support mode)
    const legacy = http.login_alice_legacy;
    const legacyPayload = jwt.verify(legacy.jwt, SECRETS.JWT_SECRET);
    if (legacyPayload.id !== byName.alice.id) fail(`${engine}: legacy JWT id`);

    const logins = { alice: http.login_alice_refresh, oscar: http.login_oscar_refresh };
    const outSessions = sessions.map((s) => {
      const user = outUsers.find((u) => String(u.id) === String(s.user_id));
      const login = logins[user?.username];
      const refreshPayload = login ? jwt.verify(login.refreshToken, SECRETS.JWT_SECRET) : null;
      if (refreshPayload && refreshPayload.sessionId !== s.session_id) fail(`${engine}: refresh token session mismatch`);
      const accessPayload = login ? jwt.verify(login.jwt, SECRETS.JWT_SECRET, { ignoreExpiration: true }) : null;
      return {
        id: s.id,
        documentId: s.document_id,
        username: user?.username ?? null,
        userId: s.user_id,
        sessionId: s.session_id,
        childId: s.child_id,
        deviceId: s.device_id,
        origin: s.origin,
        type: s.type,
        status: s.status,
        expiresAt: iso(s.expires_at),
        absoluteExpiresAt: iso(s.absolute_expires_at),
        createdAt: iso(s.created_at),
        metadata: json(s.metadata),
        refreshToken: login?.refreshToken ?? null,
        refreshTokenPayload: refreshPayload,
        accessToken: login?.jwt ?? null,
        accessTokenPayload: accessPayload,
      };
    });

    const outRoles = roles.map((r) => ({
      id: r.id,
      documentId: r.document_id,
      name: r.name,
      description: r.description,
      type: r.type,
      permissions: permRows.filter((p) => p.role_id === r.id).map((p) => p.action).sort(),
    }));

    return {
      data: {
        file: engine === 'sqlite' ? 'strapi5-sqlite.db' : 'strapi5-postgres.sql',
        users: outUsers,
        roles: outRoles,
        apiTokens: outTokens,
        legacyJwt: { username: 'alice', userId: byName.alice.id, jwt: legacy.jwt, payload: legacyPayload },
        sessions: outSessions,
        mails: mails.map((m) => ({ to: m.envelopeTo, subject: m.subject, text: m.text })),
      },
      store,
    };
  } finally {
    await db.destroy();
  }
}

(async () => {
  const engines = fs.readdirSync(WORK).filter((e) => ['sqlite', 'postgres'].includes(e)).sort().reverse();
  const out = {
    strapiVersion: '5.54.0',
    generatedBy: 'make-fixtures.sh + seed.js + build-manifest.js',
    generatedAt: new Date().toISOString(),
    secrets: SECRETS,
    notes: [
      'ids are assigned in the same order on both engines and are identical; documentIds, tokens, hashes and timestamps are random/time-based and differ per engine: use engines.<engine>.',
      'password is the plaintext for local users (null for provider users, who have no password).',
      'resetPasswordToken / confirmationToken are stored in plain text by Strapi (the value mailed to the user).',
      'apiTokens[].accessKey is the plaintext key; Strapi stores access_key = hex(HMAC-SHA512(API_TOKEN_SALT, key)) and encrypted_key = v1:<iv>:<ciphertext>:<tag> (AES-256-GCM, key sha256(ENCRYPTION_KEY)).',
      'legacyJwt was issued in jwtManagement legacy-support mode with expiresIn 3650d (UP_JWT_EXPIRES); sessions[].refreshToken/accessToken in refresh mode with Strapi defaults (refresh idle 14d / absolute 30d, access 10 min): tests must use a fixed clock for those.',
    ],
    customFields: CUSTOM_FIELDS,
    customRole: null,
    settings: null,
    engines: {},
  };
  for (const e of engines) {
    const { data, store } = await engineData(e);
    out.engines[e] = data;
    if (out.settings === null) out.settings = store;
    else if (JSON.stringify(out.settings) !== JSON.stringify(store)) fail(`settings differ between engines (${e})`);
  }
  const first = out.engines[engines[0]];
  const organizer = first.roles.find((r) => r.type === 'race-organizer');
  out.customRole = { name: organizer.name, type: organizer.type, description: organizer.description, permissions: organizer.permissions,
    users: first.users.filter((u) => u.role === 'race-organizer').map((u) => u.username) };
  // ids identical across engines?
  if (engines.length === 2) {
    const [a, b] = engines.map((e) => out.engines[e]);
    const key = (d) => JSON.stringify([d.users.map((u) => [u.id, u.username, u.roleId]), d.roles.map((r) => [r.id, r.type, r.permissions]),
      d.apiTokens.map((t) => [t.id, t.name, t.permissions]), d.sessions.map((s) => [s.id, s.userId, s.deviceId])]);
    out.idsIdenticalAcrossEngines = key(a) === key(b);
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
