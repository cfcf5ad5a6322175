/**
 * Bench results: the JSON file and the generated table in docs/performance.md.
 *
 * @example
 * const item = measured("tokenCheck", "client token check", { ratio: 0.8 }, { goal: "≥ 0.5×", met: true });
 * writeResults([item], "bench/results.json");
 */
import { readFileSync, writeFileSync } from "node:fs";
import { arch, cpus, platform } from "node:os";

export type Figure = number | string | boolean;

/**
 * One benchmark's outcome: either figures, or why it could not be measured.
 *
 * @example
 * const item: BenchItem = notMeasured("bundle", "5. bundle", "scripts/build.ts missing");
 */
export type BenchItem =
  | {
      readonly id: string;
      readonly title: string;
      readonly figures: Readonly<Record<string, Figure>>;
      /** The goal in words, e.g. "login ≥ 0.5× health". */
      readonly goal?: string;
      readonly met?: boolean;
      readonly notes?: string;
    }
  | { readonly id: string; readonly title: string; readonly notMeasured: string };

/**
 * A measured item.
 *
 * @example
 * measured("outbox", "3. outbox", { bytesRatio: 1.03 }, { goal: "≤ 1.1×", met: true });
 */
export function measured(
  id: string,
  title: string,
  figures: Record<string, Figure>,
  extra: { goal?: string; met?: boolean; notes?: string } = {},
): BenchItem {
  return { id, title, figures, ...extra };
}

/**
 * An item whose subject is missing or failed: never a made-up figure.
 *
 * @example
 * notMeasured("service", "4. service", "TypeScript/server missing");
 */
export function notMeasured(id: string, title: string, why: string): BenchItem {
  return { id, title, notMeasured: why };
}

/**
 * The machine the figures come from.
 *
 * @example
 * environment().cpus; // 2
 */
export function environment(): Record<string, string | number> {
  const list = cpus();
  return {
    node: process.version,
    platform: platform(),
    arch: arch(),
    cpus: list.length,
    cpuModel: list[0]?.model ?? "unknown",
  };
}

/**
 * Writes `bench/results.json`.
 *
 * @example
 * writeResults(items, "bench/results.json", 52);
 */
export function writeResults(items: readonly BenchItem[], path: string, totalSeconds: number): void {
  const doc = { generatedAt: new Date().toISOString(), totalSeconds, environment: environment(), items };
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}

function formatFigure(value: Figure): string {
  return typeof value === "number" ? String(value) : String(value);
}

/**
 * The Markdown table of results.
 *
 * @example
 * renderTable([measured("x", "x", { ratio: 1 })]); // "| bench | figures | ..."
 */
export function renderTable(items: readonly BenchItem[]): string {
  const lines = ["| bench | figures | goal | met |", "| --- | --- | --- | --- |"];
  for (const item of items) {
    if ("notMeasured" in item) {
      lines.push(`| ${item.title} | not measured: ${item.notMeasured} | | |`);
      continue;
    }
    const figures = Object.entries(item.figures)
      .map(([k, v]) => `${k}: ${formatFigure(v)}`)
      .join("<br>");
    const met = item.met === undefined ? "" : item.met ? "yes" : "**no**";
    lines.push(`| ${item.title} | ${figures} | ${item.goal ?? ""} | ${met} |`);
  }
  return lines.join("\n");
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

/**
 * Replaces the generated block of docs/performance.md (between the markers) with the latest table.
 *
 * @example
 * updatePerformanceDoc(items, "docs/performance.md", "Last run: ...");
 */
export function updatePerformanceDoc(items: readonly BenchItem[], path: string, header: string): void {
  const text = readFileSync(path, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${path} lacks the ${START} / ${END} markers`);
  const block = `${START}\n${header}\n\n${renderTable(items)}\n${END}`;
  writeFileSync(path, text.slice(0, from) + block + text.slice(to + END.length));
}
