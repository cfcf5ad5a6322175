/**
 * The login tester as a mountable component: builds the tester's panels into an element and binds them to a
 * view-model driving a real identity client on browser ports. The standalone page (`GET /tester`, `main.ts`)
 * mounts it into its `#tester-root`; the console mounts it as one of its pages.
 *
 * @example
 * const tester = mountTester(document.getElementById("tester")!, { serviceUrl: "" });
 * tester.prefill({ appId: "mygame", uid: "42" });
 * tester.dispose();
 */
import { installDecodePort } from "../../contract";
import { createHelpshiftClient } from "../../core";
import { createNetworkBend } from "../network-bend";
import { createServiceClockProbe } from "../service-clock";
import { createUndeliveredCounter } from "../undelivered";
import { createTesterViewModel, type TesterForm } from "../view-model";
import { type BrowserGlobals, browserPorts, STORE_PREFIX } from "./browser-ports";
import { type BrowserDecodeGlobals, browserDecodePort } from "./decode-port";
import { testerMarkup } from "./page";
import { createTesterView, type MiniDocument, type MiniElement } from "./view";

/** The element the tester is built into: a real `HTMLElement` fits (the project's types have no DOM library). */
export interface TesterRootElement {
  innerHTML: string;
  querySelector(selector: string): MiniElement | null;
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
}

export interface TesterMountOptions {
  /** Where the tester's client calls the service; "" for the page's own origin. */
  readonly serviceUrl: string;
  /** Form fields to start with (the app id from the console, say). */
  readonly initialForm?: Partial<TesterForm>;
}

export interface TesterMount {
  /**
   * Puts values into the form (as if typed); the token is re-inspected. A new app id gets its client at once, so the
   * session kept for that app shows.
   */
  prefill(form: Partial<TesterForm>): void;
  /** Stops the timers, disposes of the client (its session stays stored) and empties the root. */
  dispose(): void;
}

interface MountGlobals extends BrowserGlobals {
  readonly document: MiniDocument;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  readonly location: { readonly origin: string };
}

/**
 * Builds the tester into `root` (replacing what it held) and starts it: the client for the form's app id is created
 * at once, so a session kept in `localStorage` shows before any button is pressed.
 *
 * @example
 * mountTester(root, { serviceUrl: "", initialForm: { appId: "demo" } });
 */
export function mountTester(root: TesterRootElement, options: TesterMountOptions): TesterMount {
  const g = globalThis as unknown as MountGlobals;
  // Token checks decode with atob/TextDecoder (same answers as the contract's pure-JS codecs).
  installDecodePort(browserDecodePort(globalThis as unknown as BrowserDecodeGlobals));
  root.innerHTML = testerMarkup();
  const serviceUrl = options.serviceUrl || g.location.origin;

  /** Requests the client could not deliver (it retries them later): the tester says so instead of "flushed". */
  const undelivered = createUndeliveredCounter();
  /** The service's clock against the page's, from the X-Server-Time of every answer. */
  const serviceClock = createServiceClockProbe({ now: () => Date.now() });
  /** The Network panel's controls bend this transport (innermost, so the counters above see the failures). */
  const network = createNetworkBend({
    scheduler: { schedule: (callback, ms) => g.setTimeout(callback, ms), cancel: (handle) => g.clearTimeout(handle) },
    clock: { now: () => Date.now() },
  });

  const vm = createTesterViewModel({
    serviceUrl,
    clock: { now: () => Date.now() },
    undelivered: undelivered.count,
    serviceClock: serviceClock.reading,
    network,
    createClient(parameters) {
      // parameters carry the view-model's token provider: refreshes run on the page as in a game.
      const ports = browserPorts(g, `${STORE_PREFIX}${parameters.appId}:`);
      const client = createHelpshiftClient({
        ...ports,
        transport: undelivered.wrap(serviceClock.wrap(network.wrap(ports.transport))),
      });
      client.Init(parameters);
      return client;
    },
    ...(options.initialForm ? { initialForm: options.initialForm } : {}),
  });

  const view = createTesterView(root, g.document, vm, network);
  const unsubscribe = vm.subscribe(view.render);
  vm.connect();
  view.render(vm.getState());
  // The session's time left counts down every second.
  const ticker = g.setInterval(() => view.tick(vm.getState()), 1000);
  let disposed = false;

  return {
    prefill(form) {
      if (disposed) return;
      vm.update(form);
      if (form.appId !== undefined) vm.connect();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      g.clearInterval(ticker);
      unsubscribe();
      view.dispose();
      vm.dispose();
      root.innerHTML = "";
    },
  };
}
