/**
 * Loads a CommonJS bundle the way Puerts' loader wraps a module, into a fresh `vm` context holding only
 * ECMAScript + console + timers (what a bare Puerts engine gives): no TextEncoder, atob, fetch, crypto or Buffer,
 * so a bundle that reaches for them fails here as it would in the engine. The one loader for the sandbox tests
 * and the bundle bench.
 *
 * @example
 * const { exports } = loadBundle(readFileSync(mainJs, "utf8"), { ue: {}, puerts: fakePuerts });
 * const { context } = loadBundle("", {}); // an empty bare context, to look at its globals
 */
import vm from "node:vm";

/** What the context's `console` may be: the real one, or a silent stand-in (the bench must not print). */
export type BareConsole = Pick<Console, "log" | "warn" | "error" | "info">;

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
): { exports: unknown; context: vm.Context } {
  const context = vm.createContext({
    console: options.console ?? console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
  });
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
  wrapper(module.exports, require, module);
  return { exports: module.exports, context };
}
