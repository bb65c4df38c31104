/**
 * Times `require()` of the main bundle in a fresh Node process (argv[2]: the bundle),
 * with a stand-in `vscode` module (the bundle only evaluates its top level here; activate()
 * is not called). Prints one JSON line: { loadMs, sdkModules }.
 */
import { performance } from 'node:perf_hooks';
import Module = require('node:module');

type ModuleInternals = typeof Module & {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
};

/** Anything: every property is another stand-in, callable and constructible. */
function standIn(): unknown {
  const target = function () {
    /* stand-in */
  };
  return new Proxy(target, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : standIn()),
    apply: () => standIn(),
    construct: () => standIn() as object,
  });
}

const internals = Module as ModuleInternals;
const resolve = internals._resolveFilename;
internals._resolveFilename = function (request, parent, isMain, options) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, parent, isMain, options);
};
internals._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: standIn() };

const bundle = process.argv[2];
const t0 = performance.now();
require(bundle);
const loadMs = performance.now() - t0;
const sdkModules = Object.keys(internals._cache).filter((k) => k.includes('@aws-sdk') || k.endsWith('/dist/aws.js'));
process.stdout.write(`${JSON.stringify({ loadMs, sdkModules })}\n`);
