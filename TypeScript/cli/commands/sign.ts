/**
 * `helpshift-ts sign`: mints a test identity token (HS256, jose) and prints only the token.
 * It does not validate what it signs, so it can also mint the broken tokens a test needs; run `check` on it.
 *
 * @example
 * helpshift-ts sign --secret dev-secret --uid 42 --email ada@example.com --metadata email.verified=true
 * helpshift-ts sign --secret dev-secret --identity steam_id=7656 --iat none   # a token without iat
 */
import type { Command } from "commander";
import { SignJWT } from "jose";
import { buildPayload, type PayloadInput } from "../../tester/payload";
import { type CommandIo, type CommandOutput, emit, processIo } from "./check";

/** Exit codes: 0 printed a token, 2 the command was used wrongly. */
export const SignExit = { ok: 0, usage: 2 } as const;

export interface SignInput extends PayloadInput {
  readonly secret: string;
}

/**
 * The command as a function (async only because jose signs asynchronously): input → the token line, exit code.
 *
 * @example
 * const { stdout } = await runSign({ secret: "dev-secret", uid: "42", nowSeconds: 1_700_000_000 });
 */
export async function runSign(input: SignInput): Promise<CommandOutput> {
  if (input.secret.length === 0) return { stdout: [], stderr: ["error: --secret must not be empty"], exitCode: 2 };
  const built = buildPayload(input);
  if (!built.ok) return { stdout: [], stderr: [`error: --${built.error}`], exitCode: SignExit.usage };
  const token = await new SignJWT(built.payload)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(input.secret));
  return { stdout: [token], stderr: [], exitCode: SignExit.ok };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Registers `sign`: a thin layer over {@link runSign}. The secret may also come from `HELPSHIFT_TS_SECRET`. */
export function registerSignCommand(program: Command, io: CommandIo = processIo()): void {
  program
    .command("sign")
    .description("Mint a test identity token (HS256) and print only the token")
    .option("--secret <secret>", "the app's shared secret (or set HELPSHIFT_TS_SECRET)")
    .option("--uid <value>", "add a uid identity")
    .option("--email <value>", "add an email identity")
    .option("--identity <identifier=value>", "add an identity (repeatable)", collect, [])
    .option("--metadata <identifier.key=value>", "add metadata to an identity (repeatable)", collect, [])
    .option("--iat <seconds|none>", 'issued-at, epoch seconds; "none" leaves it out (default: now)')
    .action(
      async (options: {
        secret?: string;
        uid?: string;
        email?: string;
        identity: string[];
        metadata: string[];
        iat?: string;
      }) => {
        const secret = options.secret ?? process.env.HELPSHIFT_TS_SECRET;
        if (secret === undefined) {
          emit(io, {
            stdout: [],
            stderr: ["error: --secret or HELPSHIFT_TS_SECRET is required"],
            exitCode: SignExit.usage,
          });
          return;
        }
        const nowSeconds = Math.floor(io.nowMs() / 1000);
        emit(
          io,
          await runSign({
            secret,
            uid: options.uid,
            email: options.email,
            identities: options.identity,
            metadata: options.metadata,
            iat: options.iat,
            nowSeconds,
          }),
        );
      },
    );
}
