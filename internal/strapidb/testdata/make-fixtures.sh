#!/usr/bin/env bash
# (Re)makes the real Strapi 5.54 databases in this directory:
#   strapi5-sqlite.db     the SQLite file Strapi wrote (VACUUMed)
#   strapi5-postgres.sql  pg_dump --no-owner --no-privileges of the PostgreSQL run
#   manifest.json         what a test checks an import against (built by build-manifest.js)
#
# Usage (from anywhere):
#   bash internal/strapidb/testdata/make-fixtures.sh
#
# Needs (only to regenerate; tests never need any of this):
#   - the reference Strapi scripts: $STRAPI_APP_SCRIPTS (default /work/shared/reference/strapi-app:
#     setup.sh/start.sh/stop.sh installing stock Strapi 5.54.0 from npm, fixed secrets
#     JWT_SECRET=reference-secret, API_TOKEN_SALT=reference-api-token-salt,
#     APP_KEYS=refKeyA==,refKeyB==,refKeyC==,refKeyD==, ENCRYPTION_KEY=reference-encryption-key-32bytes!)
#   - Node >= 20 and npm reachable (setup.sh runs `npm ci`, ~2-4 min the first time)
#   - PostgreSQL at $PGHOST:$PGPORT (default 127.0.0.1:5432, user postgres, trust auth); the database
#     $PGDB (default strapi_fixture) is dropped and re-created
#   - pg_dump (PostgreSQL 15 client was used), sqlite3 CLI, curl
#   - free ports $PORT (default 1347) and $SMTP_PORT (default 2535)
#   STRAPI_REF_DIR (default /tmp/strapi-fix) is where the app is installed and run; WORK
#   (default $STRAPI_REF_DIR/work) keeps intermediate outputs (seed output, HTTP answers, mails).
#   ENGINES="sqlite postgres" (default both).
#
# What it does per engine (same seed.js, same order, so ids are the same on both engines):
#   boot 1 (jwtManagement legacy-support): fresh DB, the user content type extended with custom
#     fields (src/extensions/users-permissions/content-types/user/schema.json), STRAPI_BOOTSTRAP=seed.js
#     creates roles/users/api tokens/settings; then over HTTP: register carol and frank (email
#     confirmation on -> unconfirmed, confirmationToken mailed), forgot-password for dave, login alice
#     (legacy JWT).
#   boot 2 (UP_JWT_MANAGEMENT=refresh) on the SAME database: seed.js only re-applies settings; login
#     alice and oscar with a deviceId -> strapi_sessions rows + refresh tokens.
#   stop; copy/VACUUM the SQLite file or pg_dump the PostgreSQL database.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SCRIPTS="${STRAPI_APP_SCRIPTS:-/work/shared/reference/strapi-app}"
export STRAPI_REF_DIR="${STRAPI_REF_DIR:-/tmp/strapi-fix}"
export PORT="${PORT:-1347}" SMTP_PORT="${SMTP_PORT:-2535}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGDB="${PGDB:-strapi_fixture}"
WORK="${WORK:-$STRAPI_REF_DIR/work}"
ENGINES="${ENGINES:-sqlite postgres}"
APP="$STRAPI_REF_DIR/app"
BASE="http://127.0.0.1:$PORT"
# JWTs of the legacy mode are issued with a 10-year lifetime so tests that verify alice's JWT against
# the real clock keep passing (Strapi's default is 30d). Refresh-mode tokens use Strapi's defaults.
export UP_JWT_EXPIRES="${UP_JWT_EXPIRES:-3650d}"

bash "$SCRIPTS/setup.sh"
bash "$SCRIPTS/stop.sh" || true

# Extend the users-permissions user content type: Strapi shallow-merges this file over the plugin's
# schema, so the original attributes are copied and the custom ones appended.
mkdir -p "$APP/src/extensions/users-permissions/content-types/user"
node -e '
const m = require(process.argv[1]);
const orig = typeof m.__require === "function" ? m.__require() : m; // the dist module is lazily required
if (!orig.attributes || !orig.attributes.username) throw new Error("could not read the plugin user schema");
const schema = { kind: "collectionType", collectionName: orig.collectionName, info: orig.info, options: orig.options,
  attributes: { ...orig.attributes,
    firstName: { type: "string" },
    club: { type: "string" },
    licenseNumber: { type: "string", unique: true },
    birthDate: { type: "date" },
    newsletter: { type: "boolean", default: false },
    category: { type: "enumeration", enum: ["elite", "junior", "master"] },
    weightKg: { type: "decimal" },
  } };
require("fs").writeFileSync(process.argv[2], JSON.stringify(schema, null, 2) + "\n");
' "$APP/node_modules/@strapi/plugin-users-permissions/dist/server/content-types/user/index.js" \
  "$APP/src/extensions/users-permissions/content-types/user/schema.json"

post() { # post <path> <json> -> prints body, fails on non-2xx
  curl -sS --fail-with-body -H 'Content-Type: application/json' -H 'User-Agent: mtb-fixture/1.0' \
    -X POST "$BASE$1" -d "$2"
}

run_engine() {
  local engine=$1
  local out="$WORK/$engine"
  rm -rf "$out" "$STRAPI_REF_DIR/mail"; mkdir -p "$out"
  local -a dbenv=()
  if [ "$engine" = postgres ]; then
    psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -c "drop database if exists $PGDB" -c "create database $PGDB"
    dbenv=(DATABASE_CLIENT=postgres "DATABASE_URL=postgres://postgres@$PGHOST:$PGPORT/$PGDB")
  fi

  echo "== $engine boot 1 (legacy-support)"
  env "${dbenv[@]}" FRESH_DB=1 UP_RATELIMIT=off UP_EMAIL_CONFIRMATION=true \
    STRAPI_BOOTSTRAP="$HERE/seed.js" SEED_OUT="$out/seed-out.json" STRAPI_LOG="$out/strapi-boot1.log" \
    bash "$SCRIPTS/start.sh"
  {
    echo '{'
    echo '"register_carol":'; post /api/auth/local/register '{"username":"carol","email":"carol@race.example","password":"Carol-Pass-123"}'; echo ','
    echo '"register_frank":'; post /api/auth/local/register '{"username":"frank","email":"Frank.Upper@Race.Example","password":"Frank-Pass-123"}'; echo ','
    echo '"forgot_dave":'; post /api/auth/forgot-password '{"email":"dave@race.example"}'; echo ','
    echo '"login_alice_legacy":'; post /api/auth/local '{"identifier":"alice","password":"Alice-Pass-123"}'
  } > "$out/http-boot1.json.tmp"
  sleep 1 # let the SMTP sink write the mails
  bash "$SCRIPTS/stop.sh"

  echo "== $engine boot 2 (refresh)"
  env "${dbenv[@]}" UP_RATELIMIT=off UP_EMAIL_CONFIRMATION=true UP_JWT_MANAGEMENT=refresh UP_COOKIE_SECURE=false \
    STRAPI_BOOTSTRAP="$HERE/seed.js" STRAPI_LOG="$out/strapi-boot2.log" \
    bash "$SCRIPTS/start.sh"
  {
    echo ','
    echo '"login_alice_refresh":'; post /api/auth/local '{"identifier":"alice@race.example","password":"Alice-Pass-123","deviceId":"fixture-device-alice"}'; echo ','
    echo '"login_oscar_refresh":'; post /api/auth/local '{"identifier":"oscar","password":"Oscar-Pass-123","deviceId":"fixture-device-oscar"}'
    echo '}'
  } >> "$out/http-boot1.json.tmp"
  mv "$out/http-boot1.json.tmp" "$out/http.json"
  bash "$SCRIPTS/stop.sh"
  cp -r "$STRAPI_REF_DIR/mail" "$out/mail"

  if [ "$engine" = sqlite ]; then
    cp "$APP/.tmp/data.db" "$out/data.db"
    sqlite3 "$out/data.db" 'PRAGMA journal_mode=DELETE; VACUUM;' >/dev/null
    cp "$out/data.db" "$HERE/strapi5-sqlite.db"
  else
    pg_dump --no-owner --no-privileges -h "$PGHOST" -p "$PGPORT" -U postgres "$PGDB" \
      > "$HERE/strapi5-postgres.sql"
  fi
}

for e in $ENGINES; do run_engine "$e"; done

NODE_PATH="$APP/node_modules" WORK="$WORK" PGURL="postgres://postgres@$PGHOST:$PGPORT/$PGDB" \
  node "$HERE/build-manifest.js" > "$HERE/manifest.json"
ls -l "$HERE"
