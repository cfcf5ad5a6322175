/**
 * The game backend's "dedicated endpoint" (the vendor's term, docs/contract.md): for a player your backend has already
 * authenticated, mint a Helpshift identity token. HS256, signed with the app's shared secret, `iat` now, the
 * player's uid and email plus metadata. The secret never leaves this server; the game client only ever sees the
 * token it is handed.
 *
 * The player check is deliberately simple: a bearer token looked up in a table. Replace `authenticate` with
 * your own session check.
 *
 * @example
 * const server = createTokenEndpoint({ secret, authenticate: (bearer) => players.get(bearer) });
 * server.listen(8788, "127.0.0.1");
 * // POST /identity-token  (Authorization: Bearer <player session>)  → { "identityToken": "eyJ…" }
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { SignJWT } from "jose";

/** What your backend knows about an authenticated player. */
export interface Player {
  readonly uid: string;
  readonly email?: string;
  /** Extra facts sent as identity metadata (string values, at most 30 entries). */
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface TokenEndpointOptions {
  /** The Helpshift app's shared secret. */
  readonly secret: string;
  /** Your session check: the player behind a bearer token, or undefined. */
  readonly authenticate: (bearer: string) => Player | undefined;
  /** Clock for `iat` (default `Date.now`). */
  readonly now?: () => number;
}

/** The endpoint's path. */
export const TOKEN_PATH = "/identity-token";

/**
 * Mints the identity token of a player.
 *
 * @example
 * const jwt = await mintIdentityToken({ uid: "42", email: "ada@example.com" }, secret, Date.now());
 */
export async function mintIdentityToken(player: Player, secret: string, nowMs: number): Promise<string> {
  const identities: { identifier: string; value: string; metadata?: Record<string, string> }[] = [
    { identifier: "uid", value: player.uid, ...(player.metadata ? { metadata: { ...player.metadata } } : {}) },
  ];
  if (player.email) identities.push({ identifier: "email", value: player.email });
  return new SignJWT({ identities, iat: Math.floor(nowMs / 1000) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(secret));
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

/**
 * Makes the HTTP server (not yet listening).
 *
 * @example
 * createTokenEndpoint({ secret, authenticate }).listen(0, "127.0.0.1");
 */
export function createTokenEndpoint(options: TokenEndpointOptions): Server {
  const now = options.now ?? (() => Date.now());
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    // The body is not needed: who the player is comes from the bearer alone, never from what the client says.
    request.resume();
    if (request.url !== TOKEN_PATH) return send(response, 404, { error: "notFound" });
    if (request.method !== "POST") return send(response, 405, { error: "methodNotAllowed" });
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    const player = match?.[1] ? options.authenticate(match[1]) : undefined;
    if (!player) return send(response, 401, { error: "unauthenticated" });
    mintIdentityToken(player, options.secret, now()).then(
      (identityToken) => send(response, 200, { identityToken }),
      () => send(response, 500, { error: "signingFailed" }),
    );
  });
}

/** Run directly: `HELPSHIFT_SECRET=… tsx examples/token-endpoint/server.ts` (see README.md). */
const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  const secret = process.env.HELPSHIFT_SECRET;
  if (!secret) {
    console.error("set HELPSHIFT_SECRET to the app's shared secret (helpshift-ts serve prints the demo one)");
    process.exit(2);
  }
  const demoPlayers = new Map<string, Player>([
    ["demo-player-session", { uid: "demo-player-1", email: "player1@example.com", metadata: { level: "12" } }],
  ]);
  const port = Number(process.env.PORT ?? 8788);
  createTokenEndpoint({ secret, authenticate: (bearer) => demoPlayers.get(bearer) }).listen(port, "127.0.0.1", () => {
    console.log(`token endpoint on http://127.0.0.1:${port}${TOKEN_PATH} (demo bearer: demo-player-session)`);
  });
}
