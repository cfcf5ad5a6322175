/**
 * Tester: the login tester (`tester/web/mount.ts`), mounted once when the console starts and never unmounted, so
 * its client, timers and event log keep running while other pages show (its section is only hidden). "Use in
 * tester" on the Apps page fills its app id and dev secret in memory.
 */
import type { TesterForm } from "../../../tester/view-model";
import { mountTester, type TesterMount, type TesterRootElement } from "../../../tester/web/mount";
import { $ } from "../dom";
import type { Page } from "../ui";

export interface TesterPage extends Page {
  prefill(form: Partial<TesterForm>): void;
}

export function createTesterPage(serviceUrl: string): TesterPage {
  const root = $("tester-root");
  root.className = "tester-host";
  let mount: TesterMount | undefined;
  try {
    mount = mountTester(root as unknown as TesterRootElement, { serviceUrl });
  } catch (error) {
    root.textContent = `The tester could not start: ${error instanceof Error ? error.message : String(error)}`;
    root.className = "error";
  }
  return {
    show() {},
    prefill(form) {
      mount?.prefill(form);
    },
  };
}
