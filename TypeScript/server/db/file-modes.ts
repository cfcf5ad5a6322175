/**
 * The database holds every app's shared secret, so only the service's user may read it: a data directory the
 * service creates is 0700, the database file 0600 (created so, and narrowed to 0600 when found wider). SQLite
 * creates the `-wal` and `-shm` files with the database file's mode. An existing directory is left as it is: it
 * may be shared on purpose (e.g. `/var/lib`).
 *
 * @example
 * prepareDatabaseFile("/var/lib/helpshift-ts", "/var/lib/helpshift-ts/identity.sqlite");
 */
import { chmodSync, closeSync, constants, mkdirSync, openSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Mode of a data directory the service creates. */
export const DATA_DIR_MODE = 0o700;
/** Mode of the database file. */
export const DATABASE_FILE_MODE = 0o600;

/** Creates the directory (0700, parents too) and the file (0600) when missing; narrows a wider file to 0600. */
export function prepareDatabaseFile(directory: string, path: string): void {
  const firstCreated = mkdirSync(directory, { recursive: true, mode: DATA_DIR_MODE });
  // The mode given to mkdir passes through the umask; set it exactly on what was created here.
  if (firstCreated !== undefined) narrowCreatedDirectories(firstCreated, directory);
  try {
    closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, DATABASE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if ((statSync(path).mode & 0o777 & ~DATABASE_FILE_MODE) !== 0) chmodSync(path, DATABASE_FILE_MODE);
}

/** chmods every directory from `last` up to `first` (the top one mkdir created). */
function narrowCreatedDirectories(first: string, last: string): void {
  const top = resolve(first);
  for (let current = resolve(last); ; current = dirname(current)) {
    chmodSync(current, DATA_DIR_MODE);
    if (current === top || dirname(current) === current) return;
  }
}
