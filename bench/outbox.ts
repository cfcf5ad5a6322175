/**
 * Bench 3: the attribute outbox under a burst. The real core, a recording fake service, a manual clock:
 * 10,000 updates arrive in one burst, then one flush window passes. Measured: requests and bytes sent against
 * the net changes (the final value of every key touched), whether anything was lost, and the cost of an update
 * against the validation it cannot avoid.
 *
 * @example
 * const item = await benchOutbox();
 */
import {
  APP_ATTRIBUTES,
  CUSTOM_USER_FIELDS_KEY,
  Defaults,
  MASTER_ATTRIBUTES,
  validateAppAttributes,
  validateMasterAttributes,
} from "../TypeScript/contract";
import { cyclingServiceClient, settle } from "./lib/fakes";
import { median, sig } from "./lib/measure";
import { type BenchItem, measured } from "./lib/report";

const UPDATES = 10_000;
const START = Date.UTC(2026, 10, 24, 12, 0, 0);

type Scope = "master" | "app";
type Net = Record<Scope, { values: Record<string, string>; fields: Record<string, string> }>;

const plainKeys = (schema: Record<string, string>) => Object.keys(schema).filter((k) => schema[k] === "string");
const MASTER_KEYS = plainKeys(MASTER_ATTRIBUTES);
const APP_KEYS = plainKeys(APP_ATTRIBUTES);
const FIELDS = Array.from({ length: 12 }, (_, i) => `field_${i}`);

/** The i-th update of the burst: one or two plain keys and sometimes a custom field, values that change. */
function update(i: number): { scope: Scope; map: Record<string, unknown> } {
  const scope: Scope = i % 3 === 0 ? "app" : "master";
  const keys = scope === "app" ? APP_KEYS : MASTER_KEYS;
  const map: Record<string, unknown> = {
    [keys[i % keys.length] as string]: `value ${i}`,
    [keys[(i * 7) % keys.length] as string]: `other ${i}`,
  };
  if (i % 5 === 0) map[CUSTOM_USER_FIELDS_KEY] = { [FIELDS[i % FIELDS.length] as string]: `field value ${i}` };
  return { scope, map };
}

/** What the service must end up with: the last value written to each key and field. */
function netChanges(): Net {
  const net: Net = { master: { values: {}, fields: {} }, app: { values: {}, fields: {} } };
  for (let i = 0; i < UPDATES; i++) {
    const { scope, map } = update(i);
    for (const [key, value] of Object.entries(map)) {
      if (key === CUSTOM_USER_FIELDS_KEY) Object.assign(net[scope].fields, value);
      else net[scope].values[key] = value as string;
    }
  }
  return net;
}

/** The net changes in the protocol's shape, the smallest honest body that could carry them. */
function netBody(net: Net): string {
  const part = (scope: Scope) => ({ ...net[scope].values, [CUSTOM_USER_FIELDS_KEY]: net[scope].fields });
  return JSON.stringify({ master: part("master"), app: part("app") });
}

/** Runs one burst; returns what the fake service saw. */
async function burst(): Promise<{ requests: number; bytes: number; received: Net; burstMs: number }> {
  const received: Net = { master: { values: {}, fields: {} }, app: { values: {}, fields: {} } };
  const { client, time, transport, uidToken } = cyclingServiceClient({
    appId: "bench",
    start: START,
    sessionToken: (login) => `hss_bench_session_${login}`,
    onAttributes: (request) => {
      const batch = JSON.parse(request.body ?? "{}") as Partial<Record<Scope, Record<string, unknown>>>;
      for (const scope of ["master", "app"] as const) {
        for (const [key, value] of Object.entries(batch[scope] ?? {})) {
          if (key === CUSTOM_USER_FIELDS_KEY) Object.assign(received[scope].fields, value);
          else received[scope].values[key] = value as string;
        }
      }
    },
  });
  await client.loginWithIdentity(uidToken("bench"), {});
  const attributeRequests = () => transport.requests.filter((r) => r.url.endsWith("/attributes"));
  const t0 = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    const { scope, map } = update(i);
    if (scope === "master") client.UpdateMasterAttributes(map as never);
    else client.UpdateAppAttributes(map as never);
  }
  const burstMs = performance.now() - t0;
  await settle();
  time.advanceSync(Defaults.flushIntervalMs);
  await settle();
  await client.flush();
  const sent = attributeRequests();
  client.dispose();
  return {
    requests: sent.length,
    bytes: sent.reduce((n, r) => n + (r.body?.length ?? 0), 0),
    received,
    burstMs,
  };
}

/** Validation alone for the same burst: the part of an update no outbox design can skip. */
function validationOnlyMs(): number {
  const t0 = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    const { scope, map } = update(i);
    if (scope === "master") validateMasterAttributes(map);
    else validateAppAttributes(map);
  }
  return performance.now() - t0;
}

/**
 * Runs bench 3 (`repeats` bursts; time figures are medians).
 *
 * @example
 * const item = await benchOutbox(5);
 */
export async function benchOutbox(repeats = 5): Promise<BenchItem> {
  const net = netChanges();
  const netBytes = netBody(net).length;
  const runs = [];
  const validation: number[] = [];
  for (let r = 0; r < repeats; r++) {
    runs.push(await burst());
    validation.push(validationOnlyMs());
  }
  const first = runs[0] as Awaited<ReturnType<typeof burst>>;
  const lost = runs.some((r) => !sameNet(r.received, net));
  const bytesRatio = first.bytes / netBytes;
  const burstMs = median(runs.map((r) => r.burstMs));
  const validationMs = median(validation);
  return measured(
    "outbox",
    "3. attribute outbox: 10,000 updates in one burst",
    {
      updates: UPDATES,
      netKeys: countNet(net),
      requestsPerFlushWindow: Math.max(...runs.map((r) => r.requests)),
      bytesSent: first.bytes,
      netChangeBytes: netBytes,
      bytesRatio: sig(bytesRatio),
      nothingLost: !lost,
      updatesPerSec: sig((UPDATES * 1000) / burstMs),
      updateCostVsValidationOnly: sig(burstMs / validationMs),
    },
    {
      goal: "1 request per flush window; bytes ≤ 1.1× net changes; nothing lost",
      met: runs.every((r) => r.requests === 1) && bytesRatio <= 1.1 && !lost,
      notes:
        "Net changes: the last value of every key and custom field touched, as one protocol body without batchId. " +
        "updateCostVsValidationOnly: time of the 10,000 Update calls (validate, coalesce, persist) ÷ validation alone.",
    },
  );
}

function countNet(net: Net): number {
  return (["master", "app"] as const).reduce(
    (n, s) => n + Object.keys(net[s].values).length + Object.keys(net[s].fields).length,
    0,
  );
}

function sameNet(a: Net, b: Net): boolean {
  const norm = (n: Net) =>
    JSON.stringify(
      (["master", "app"] as const).map((s) => [Object.entries(n[s].values).sort(), Object.entries(n[s].fields).sort()]),
    );
  return norm(a) === norm(b);
}
