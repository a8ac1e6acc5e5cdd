'use strict';
// STRAPI_BOOTSTRAP hook for the reference Strapi 5.54 app (see make-fixtures.sh).
// Runs inside Strapi's bootstrap, after the reference app's own index.js bootstrap, with Strapi's
// own services, so every stored value (bcrypt hashes, api-token HMACs, encrypted keys, documentIds,
// store JSON, link tables) is what Strapi itself writes.
//
// Idempotent: the first boot creates the data; later boots (the refresh-mode boot) only re-apply the
// settings, because the reference app's index.js resets `advanced.email_confirmation` and
// `advanced.email_reset_password` on every boot.
//
// Everything is created sequentially (no Promise.all), so that ids are the same on SQLite and
// PostgreSQL. Values Strapi generates at random (documentIds, api-token keys) are written to
// $SEED_OUT (JSON) for make-fixtures.sh / build-manifest.js.

const fs = require('fs');

const USER = 'plugin::users-permissions.user';
const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

const ADVANCED = {
  unique_email: true,
  allow_register: true,
  email_confirmation: true,
  email_confirmation_redirection: 'https://race.example/confirmed',
  email_reset_password: 'https://race.example/reset',
  default_role: 'authenticated',
};

const RESET_PASSWORD_TEMPLATE = {
  object: 'Reset your Race password',
  message:
    '<p>Hello <%= USER.username %>,</p>\n<p>Someone asked to reset your Race account password.</p>\n' +
    '<p>Open <%= URL %>?code=<%= TOKEN %> to choose a new one.</p>\n<p>The Race team</p>',
  from: { name: 'Race Support', email: 'support@race.example' },
  response_email: 'reply@race.example',
};

const GITHUB_GRANT = {
  enabled: true,
  key: 'gh-client-id-fixture',
  secret: 'gh-client-secret-fixture',
  callback: 'https://race.example/connect/github/redirect',
};

const ORGANIZER_PERMISSIONS = [
  'plugin::users-permissions.user.find',
  'plugin::users-permissions.user.findOne',
  'plugin::users-permissions.user.count',
  'plugin::users-permissions.role.find',
];

// Local users created through the users-permissions user service (the Document Service hashes the
// password). carol and frank are created later over HTTP (register), see make-fixtures.sh.
const LOCAL_USERS = [
  {
    username: 'alice', email: 'alice@race.example', password: 'Alice-Pass-123', confirmed: true, blocked: false,
    firstName: 'Alice', club: 'Trail Blazers', licenseNumber: 'LIC-0001', birthDate: '1990-04-12',
    newsletter: true, category: 'elite', weightKg: 58.5,
  },
  {
    username: 'bob', email: 'bob@race.example', password: 'Bob-Pass-123', confirmed: true, blocked: true,
    firstName: 'Bob', club: 'Mud Riders', licenseNumber: 'LIC-0002', category: 'junior',
  },
  { username: 'dave', email: 'dave@race.example', password: 'Dave-Pass-123', confirmed: true, blocked: false },
  // mixed-case email written by the service/admin path: Strapi stores it as given (register lowercases)
  { username: 'erin', email: 'Erin.Mixed@Race.Example', password: 'Erin-Pass-123', confirmed: true, blocked: false },
];

const ORGANIZER_USER = {
  username: 'oscar', email: 'oscar@race.example', password: 'Oscar-Pass-123', confirmed: true, blocked: false,
  firstName: 'Oscar', club: 'Race HQ', licenseNumber: 'ORG-0100', birthDate: '1978-11-30',
  newsletter: false, category: 'master', weightKg: 81.25,
};

// Provider users, written the way providers.connect() writes them (db.query create, lowercased
// email, confirmed true, no password, default role).
const PROVIDER_USERS = [
  { username: 'octocat', email: 'octocat@github.example', provider: 'github' },
  { username: 'gina.google', email: 'gina.google@gmail.example', provider: 'google', firstName: 'Gina' },
];

const API_TOKENS = [
  { name: 'fixture-read-only', description: 'read-only token', type: 'read-only', lifespan: null },
  { name: 'fixture-full-access', description: 'full-access token', type: 'full-access', lifespan: null },
  {
    name: 'fixture-custom', description: 'custom token: users find/findOne', type: 'custom', lifespan: null,
    permissions: ['plugin::users-permissions.user.find', 'plugin::users-permissions.user.findOne'],
  },
  // a token with a lifespan (30 days, one of Strapi's allowed values) so expiresAt is set
  { name: 'fixture-read-only-30d', description: 'read-only token that expires', type: 'read-only', lifespan: 30 * 24 * 60 * 60 * 1000 },
];

async function applySettings(strapi) {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const adv = (await store.get({ key: 'advanced' })) || {};
  await store.set({ key: 'advanced', value: { ...adv, ...ADVANCED } });

  const email = await store.get({ key: 'email' });
  email.reset_password.options = { ...email.reset_password.options, ...RESET_PASSWORD_TEMPLATE };
  await store.set({ key: 'email', value: email });

  const grant = await store.get({ key: 'grant' });
  grant.github = { ...grant.github, ...GITHUB_GRANT };
  await store.set({ key: 'grant', value: grant });
}

module.exports = async ({ strapi }) => {
  await applySettings(strapi);

  const existing = await strapi.db.query(USER).findOne({ where: { username: 'alice' } });
  if (existing) {
    strapi.log.info('[fixture seed] data already present; settings re-applied');
    return;
  }

  const out = { users: [], apiTokens: [], role: null };
  const roleOf = async (type) => strapi.db.query(ROLE).findOne({ where: { type } });
  const authenticated = await roleOf('authenticated');

  // Custom role through the role service (no permissions passed: the service creates them with
  // Promise.all, whose order differs per engine; we create the same rows one by one instead).
  await strapi.plugin('users-permissions').service('role').createRole({
    name: 'Race Organizer',
    description: 'Organizers of races: can list users and roles',
    type: 'race-organizer',
  });
  const organizer = await roleOf('race-organizer');
  for (const action of ORGANIZER_PERMISSIONS) {
    await strapi.db.query(PERMISSION).create({ data: { action, role: organizer.id } });
  }
  out.role = { id: organizer.id, documentId: organizer.documentId, type: organizer.type, name: organizer.name };

  const userService = strapi.plugin('users-permissions').service('user');
  const record = (u, extra) => out.users.push({ id: u.id, documentId: u.documentId, username: u.username, ...extra });

  for (const u of LOCAL_USERS) {
    const created = await userService.add({ ...u, provider: 'local', role: authenticated.id });
    record(created, { password: u.password });
  }
  for (const u of PROVIDER_USERS) {
    const created = await strapi.db.query(USER).create({
      data: { ...u, email: u.email.toLowerCase(), role: authenticated.id, confirmed: true },
    });
    record(created, {});
  }
  {
    const created = await userService.add({ ...ORGANIZER_USER, provider: 'local', role: organizer.id });
    record(created, { password: ORGANIZER_USER.password });
  }

  const apiTokenService = strapi.service('admin::api-token');
  for (const t of API_TOKENS) {
    const created = await apiTokenService.create({ kind: 'content-api', ...t });
    out.apiTokens.push({
      id: created.id,
      documentId: created.documentId,
      name: created.name,
      type: created.type,
      lifespan: created.lifespan,
      expiresAt: created.expiresAt,
      accessKey: created.accessKey, // plaintext, returned once
      permissions: t.permissions || [],
    });
  }

  if (process.env.SEED_OUT) fs.writeFileSync(process.env.SEED_OUT, JSON.stringify(out, null, 2));
  strapi.log.info('[fixture seed] created fixture data');
};
