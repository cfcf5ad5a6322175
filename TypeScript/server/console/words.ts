/**
 * Durations and offsets in words for the console's messages: `5 min`, `1 h 30 min`, `3 days`, `250 ms`.
 *
 * @example
 * durationInWords(90 * 60_000) // "1 h 30 min"
 * offsetInWords(-300_000)      // "5 min behind"
 */
const UNITS: readonly (readonly [number, string])[] = [
  [86_400_000, "day"],
  [3_600_000, "h"],
  [60_000, "min"],
  [1000, "s"],
];

/** A non-negative duration in at most two units, the largest first (ms only below a second). */
export function durationInWords(ms: number): string {
  const abs = Math.abs(Math.round(ms));
  if (abs < 1000) return `${abs} ms`;
  const parts: string[] = [];
  let rest = abs;
  for (const [size, name] of UNITS) {
    if (rest < size || parts.length === 2) continue;
    const count = Math.floor(rest / size);
    rest -= count * size;
    parts.push(name === "day" ? `${count} day${count === 1 ? "" : "s"}` : `${count} ${name}`);
  }
  return parts.join(" ");
}

/** A clock offset: `5 min ahead`, `2 h behind`, `real time`. */
export function offsetInWords(ms: number): string {
  if (ms === 0) return "real time";
  return `${durationInWords(ms)} ${ms > 0 ? "ahead" : "behind"}`;
}
