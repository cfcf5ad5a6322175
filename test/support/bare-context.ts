/**
 * Loads a CommonJS bundle the way Puerts' loader wraps a module, into a fresh `vm` context holding only
 * ECMAScript + console + timers (what a bare Puerts engine gives): no TextEncoder, atob, fetch, crypto or Buffer,
 * so a bundle that reaches for them fails here as it would in the engine. The one loader for the sandbox tests
 * and the bundle bench.
 *
 * Promise jobs run as V8 runs them under Puerts (ENGINE-FACTS, "Promise jobs"): the context has its own job
 * queue, drained when the outermost call from the host ("C++") into the context returns — so a `.then`
 * callback can run before the host function that called into JS has returned — on every timer callback, and
 * on an engine tick (every few milliseconds, for jobs the host queued by awaiting the bundle's promises).
 * Host code that calls into the bundle goes through {@link BundleEnv.enter} (or the wrapped exports), exactly
 * where the engine would run the jobs.
 *
 * @example
 * const env = loadBundle(readFileSync(mainJs, "utf8"), { ue: {}, puerts: fakePuerts });
 * env.enter(() => onCommand(1, "login", json)); // jobs queued by the command have run when this returns
 * const { context } = loadBundle("", {}); // an empty bare context, to look at its globals
 */
import vm from "node:vm";

/** What the context's `console` may be: the real one, or a silent stand-in (the bench must not print). */
export type BareConsole = Pick<Console, "log" | "warn" | "error" | "info">;

export interface BundleEnv {
  /** `module.exports` of the bundle; functions (and objects they return) enter the context like C++ calls. */
  readonly exports: unknown;
  readonly context: vm.Context;
  /** Runs `fn` as one call from the host into the context: the context's jobs run when the outermost returns. */
  enter<T>(fn: () => T): T;
  /** Runs the context's pending jobs now (what an engine tick does). */
  drain(): void;
}

/**
 * Runs `code` as a CommonJS module in a bare context. `modules` answers `require`: a map (an unknown name throws
 * like Node's "Cannot find module") or a function that answers every name.
 *
 * @example
 * loadBundle(code, (name) => (name === "puerts" ? puerts : inert()), { console: silent });
 */
export function loadBundle(
  code: string,
  modules: Record<string, unknown> | ((name: string) => unknown),
  options: { console?: BareConsole } = {},
): BundleEnv {
  let depth = 0;
  const drain = () => {
    // An evaluation in an "afterEvaluate" context runs every job queued in it, including jobs queued meanwhile.
    vm.runInContext("", context);
  };
  const enter = <T>(fn: () => T): T => {
    depth++;
    try {
      return fn();
    } finally {
      depth--;
      if (depth === 0) drain();
    }
  };
  const timer =
    (schedule: (callback: () => void, ms?: number) => unknown) =>
    (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
      schedule(() => enter(() => callback(...args)), ms);
  const context = vm.createContext(
    {
      console: options.console ?? console,
      setTimeout: timer(setTimeout),
      clearTimeout,
      setInterval: timer(setInterval),
      clearInterval,
    },
    { microtaskMode: "afterEvaluate" },
  );
  const wrapper = vm.runInContext(`(function (exports, require, module) {\n${code}\n})`, context) as (
    exports: unknown,
    require: (name: string) => unknown,
    module: { exports: unknown },
  ) => void;
  const module = { exports: {} as unknown };
  const require =
    typeof modules === "function"
      ? modules
      : (name: string) => {
          if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
          throw new Error(`Cannot find module '${name}'`);
        };
  enter(() => wrapper(module.exports, require, module));
  startTicking(context);
  return { exports: entering(module.exports, enter), context, enter, drain };
}

/** How often the stand-in engine ticks. */
const TICK_MS = 4;

/** Drains the context's jobs every tick while the context lives (held weakly, so it can be collected). */
function startTicking(context: vm.Context): void {
  const weak = new WeakRef(context);
  const ticker = setInterval(() => {
    const live = weak.deref();
    if (live) vm.runInContext("", live);
    else clearInterval(ticker);
  }, TICK_MS);
  ticker.unref();
}

/**
 * The value as the host sees it: functions become calls that enter the context, and the plain objects they
 * return (not promises, not arrays) are wrapped the same way, so a facade's methods enter like C++ calls.
 */
function entering(value: unknown, enter: <T>(fn: () => T) => T): unknown {
  if (typeof value === "function") {
    return new Proxy(value, {
      apply: (target, self, args) =>
        entering(
          enter(() => Reflect.apply(target as (...a: unknown[]) => unknown, self, args)),
          enter,
        ),
      construct: (target, args) => enter(() => Reflect.construct(target as new (...a: unknown[]) => object, args)),
    });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value) || isThenable(value)) return value;
  return new Proxy(value as object, {
    get: (target, key) => {
      const property = Reflect.get(target, key) as unknown;
      return typeof property === "function" ? entering(property, enter) : property;
    },
  });
}

function isThenable(value: object): boolean {
  return typeof (value as { then?: unknown }).then === "function";
}
