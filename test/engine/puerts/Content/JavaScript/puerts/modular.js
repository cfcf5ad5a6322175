// The harness's stand-in for Puerts' CommonJS loader: modules found through the FJsEnv's IJSModuleLoader
// (Search, then Load), wrapped as (exports, require, module, __filename, __dirname) and cached by path;
// `puerts` and what registerBuildinModule adds are built-in modules.
const puerts = global.puerts;
const builtins = Object.create(null);
const cache = Object.create(null);
builtins.puerts = puerts;
puerts.registerBuildinModule = (name, value) => {
  builtins[name] = value;
};
function genRequire(dir) {
  return function require(name) {
    if (name in builtins) return builtins[name];
    const found = native.searchModule(dir, name);
    if (!found) throw new Error(`can not find module ${name} (from ${dir || "root"})`);
    const path = found[1];
    if (cache[path]) return cache[path].exports;
    const module = { exports: {}, filename: path };
    cache[path] = module;
    const source = native.loadModule(found[0]);
    const wrapped = native.evalScript(
      `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
      path,
    );
    const folder = path.substring(0, path.lastIndexOf("/"));
    wrapped.call(module.exports, module.exports, genRequire(folder), module, path, folder);
    return module.exports;
  };
}
puerts.genRequire = genRequire;
puerts.__require = genRequire("");
