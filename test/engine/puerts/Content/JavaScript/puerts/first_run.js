// The harness's stand-in for Puerts' bootstrap (written for the harness, not Puerts' file): `puerts` becomes a
// global, with $ref/$unref/$set. Run by the stand-in FJsEnv as function (global, native).
global.puerts = global.puerts || {};
const puerts = global.puerts;
puerts.$ref = (x) => [x];
puerts.$unref = (r) => r[0];
puerts.$set = (r, v) => {
  r[0] = v;
};
