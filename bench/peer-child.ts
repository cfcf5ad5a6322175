/**
 * Child process of bench 4: the minimal peer a login is measured against. node:http, a node:crypto HMAC-SHA256
 * check (constant-time compare), and one SQLite transaction doing what a login must: find or create the user by
 * uid, store its identities, open a session (random token, its SHA-256 stored). Same SQLite settings as the
 * service (WAL, synchronous=NORMAL), 127.0.0.1, port 0. No content rules beyond what it needs to work, no
 * logging, no framework. Prints `{"url", "secret", "appId"}` on one line; answers `cpu` on stdin with its CPU
 * time (`{"cpuUs": …}`); stops when stdin closes.
 *
 * @example
 * tsx bench/peer-child.ts /tmp/peer.sqlite
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";

const dbPath = process.argv[2];
if (!dbPath) throw new Error("usage: peer-child.ts <sqlite file>");
const APP_ID = "bench";
const SECRET = randomBytes(32).toString("base64url");
const SESSION_SECONDS = 7 * 24 * 3600;
const IAT_MAX_AGE_SECONDS = 24 * 3600;

const db = new Database(dbPath);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec(`
  CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, app_id TEXT NOT NULL, created_at INTEGER NOT NULL,
    last_login_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS identities (app_id TEXT NOT NULL, identifier TEXT NOT NULL, value TEXT NOT NULL,
    user_id TEXT NOT NULL, metadata TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (app_id, identifier, value));
  CREATE INDEX IF NOT EXISTS identities_user ON identities(user_id);
  CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, app_id TEXT NOT NULL, user_id TEXT NOT NULL,
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
`);
const findUser = db
  .prepare("SELECT user_id FROM identities WHERE app_id = ? AND identifier = 'uid' AND value = ?")
  .pluck();
const createUser = db.prepare("INSERT INTO users (id, app_id, created_at, last_login_at) VALUES (?, ?, ?, ?)");
const touchUser = db.prepare("UPDATE users SET last_login_at = ? WHERE id = ?");
const upsertIdentity = db.prepare(
  `INSERT INTO identities (app_id, identifier, value, user_id, metadata, updated_at) VALUES (?, ?, ?, ?, ?, ?)
   ON CONFLICT (app_id, identifier, value) DO UPDATE SET user_id = excluded.user_id, metadata = excluded.metadata,
   updated_at = excluded.updated_at`,
);
const openSession = db.prepare(
  "INSERT INTO sessions (token_hash, app_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
);

interface Identity {
  identifier: string;
  value: string;
  metadata?: Record<string, string>;
}

const login = db.transaction((uid: string, identities: Identity[], now: number) => {
  let userId = findUser.get(APP_ID, uid) as string | undefined;
  if (userId === undefined) {
    userId = `usr_${randomBytes(12).toString("base64url")}`;
    createUser.run(userId, APP_ID, now, now);
  } else touchUser.run(now, userId);
  for (const i of identities) {
    upsertIdentity.run(APP_ID, i.identifier, i.value, userId, JSON.stringify(i.metadata ?? {}), now);
  }
  const token = `hss_${randomBytes(32).toString("base64url")}`;
  const expiresAt = now + SESSION_SECONDS * 1000;
  openSession.run(createHash("sha256").update(token).digest("base64url"), APP_ID, userId, now, expiresAt);
  return { userId, sessionToken: token, expiresAt };
});

/** The token's identities when its HS256 signature and iat hold, else undefined. */
function verify(jwt: string, nowMs: number): Identity[] | undefined {
  const [header, payload, signature] = jwt.split(".");
  if (header === undefined || payload === undefined || signature === undefined) return undefined;
  const expected = createHmac("sha256", SECRET).update(`${header}.${payload}`).digest("base64url");
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) return undefined;
  const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: unknown };
  if (head.alg !== "HS256") return undefined;
  const body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
    identities?: Identity[];
    iat?: number;
  };
  if (typeof body.iat !== "number" || body.iat < nowMs / 1000 - IAT_MAX_AGE_SECONDS) return undefined;
  return Array.isArray(body.identities) ? body.identities : undefined;
}

function send(res: import("node:http").ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== `/v1/apps/${APP_ID}/login`) return send(res, 404, { reason: "notFound" });
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    try {
      const { identityToken } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { identityToken: string };
      const now = Date.now();
      const identities = verify(identityToken, now);
      const uid = identities?.find((i) => i.identifier === "uid")?.value;
      if (!identities || uid === undefined) return send(res, 401, { reason: "identityTokenInvalid" });
      send(res, 200, { ...login(uid, identities, now), serverTime: now });
    } catch {
      send(res, 400, { reason: "badRequest" });
    }
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, secret: SECRET, appId: APP_ID })}\n`);
});
const commands = createInterface({ input: process.stdin });
commands.on("line", (line) => {
  if (line === "cpu") {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpuUs: user + system })}\n`);
  }
});
commands.on("close", () => {
  server.close();
  db.close();
  process.exit(0);
});
