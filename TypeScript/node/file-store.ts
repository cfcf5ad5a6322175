/**
 * The core's `Store` as one file per key in one directory. Writes are atomic (temp file, fsync, rename): a crash
 * leaves the old value or the new one, never half of one. Keys are escaped so any key is a safe file name, on
 * case-insensitive file systems too.
 *
 * @example
 * const store = createFileStore("/home/me/.helpshift-ts/state");
 * store.set("session", json);
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../core/ports";

/** Longest escaped key kept as a readable file name; longer ones are named by their SHA-256. */
const MAX_NAME_LENGTH = 180;
const SUFFIX = ".value";

/**
 * The file name of a key: lower-case letters, digits, `-` and `_` are kept, every other UTF-8 byte becomes
 * `%XX` (upper-case letters too, so "A" and "a" never share a file on macOS or Windows).
 *
 * @example
 * keyToFileName("session/Token") // "session%2F%54oken.value"
 */
export function keyToFileName(key: string): string {
  let escaped = "";
  for (const byte of Buffer.from(key, "utf8")) {
    const char = String.fromCharCode(byte);
    escaped += /[a-z0-9_-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  if (escaped.length === 0) escaped = "%";
  if (escaped.length > MAX_NAME_LENGTH) escaped = `%sha256-${createHash("sha256").update(key, "utf8").digest("hex")}`;
  return escaped + SUFFIX;
}

/** Makes a store in `directory` (created when missing). */
export function createFileStore(directory: string): Store {
  mkdirSync(directory, { recursive: true });
  const pathOf = (key: string) => join(directory, keyToFileName(key));
  return {
    get(key) {
      try {
        return readFileSync(pathOf(key), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    set(key, value) {
      const target = pathOf(key);
      const temp = `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
      const fd = openSync(temp, "w", 0o600);
      try {
        writeSync(fd, value, null, "utf8");
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      try {
        renameSync(temp, target);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
    },
    remove(key) {
      rmSync(pathOf(key), { force: true });
    },
  };
}
