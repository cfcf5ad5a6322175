// The harness's stand-in for Puerts' `ue` module: a Proxy loading a reflected class when its name is first
// read (its own keys are only the classes already loaded).
const ue = new Proxy(Object.create(null), {
  get(loaded, name) {
    if (typeof name !== "string") return undefined;
    if (!(name in loaded)) {
      const found = native.loadUEType(name);
      if (found !== undefined) loaded[name] = found;
    }
    return loaded[name];
  },
});
global.puerts.registerBuildinModule("ue", ue);
