// The harness's stand-in for Puerts' argv: the UObjects handed to FJsEnv::Start, by name.
global.puerts.argv = {
  getByName(name) {
    return native.getArgv(name);
  },
};
