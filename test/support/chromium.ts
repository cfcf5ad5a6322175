/**
 * How the browser tests start Chromium: Debian's binary (`.ci/run` installs it), headless, with nothing that
 * reaches the network on its own, in a fresh `--user-data-dir` that `close()` removes.
 *
 * @example
 * const browser = await launchChromium({ colorScheme: "dark" });
 * await browser.page.goto(url);
 * await browser.close();
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LaunchOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Only so that axe-core can be injected (test/support/a11y.ts); the page is the same. */
  readonly bypassCSP?: boolean;
  readonly colorScheme?: "light" | "dark";
}

export interface LaunchedChromium {
  readonly context: BrowserContext;
  /** The context's first page. */
  readonly page: Page;
  /** Closes the context and removes its user data directory. */
  close(): Promise<void>;
}

/** A persistent context in a fresh user data directory (playwright takes it as the first argument). */
export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), "helpshift-ts-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      ...(options.bypassCSP ? { bypassCSP: true } : {}),
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      async close() {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
