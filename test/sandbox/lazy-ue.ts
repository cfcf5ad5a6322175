/**
 * Puerts' `ue` module as Puerts builds it (`puerts/uelazyload.js`, ENGINE-FACTS): a Proxy that loads a reflected
 * class the first time its name is read. Its own keys are only the classes already loaded, so code that copies
 * the module's keys at load time (a bundler's namespace import does) sees none of the classes it has not touched.
 *
 * @example
 * const ue = lazyUE({ HelpshiftTSLibrary: library });
 * Object.keys(ue);          // []
 * ue.HelpshiftTSLibrary;    // loads it
 * Object.keys(ue);          // ["HelpshiftTSLibrary"]
 */
export function lazyUE(classes: Record<string, unknown>): Record<string, unknown> {
  const loaded: Record<string, unknown> = {};
  return new Proxy(loaded, {
    get(target, name) {
      if (typeof name !== "string") return undefined;
      if (!(name in target) && Object.prototype.hasOwnProperty.call(classes, name)) target[name] = classes[name];
      return target[name];
    },
  });
}
