/**
 * Times `require()` of the main bundle in a fresh Node process (argv[2]: the bundle),
 * with a stand-in `vscode` module (the bundle only evaluates its top level here; activate()
 * is not called). Prints one JSON line: { loadMs, sdkModules }.
 */
import * as fs from 'node:fs';
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
/**
 * The module's exports: every name the real `vscode` module exports (from @types/vscode), each a
 * stand-in. Own properties, because the bundle's ESM interop copies the module's own names (a
 * module-level `new vscode.EventEmitter()` needs the name to be there).
 */
function vscodeExports(): Record<string, unknown> {
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set([...dts.matchAll(/^\texport (?:class|namespace|enum|const|let|function) (\w+)/gm)].map((m) => m[1]));
  return Object.fromEntries([...names].map((name) => [name, standIn()]));
}

internals._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeExports() };

const bundle = process.argv[2];
const t0 = performance.now();
require(bundle);
const loadMs = performance.now() - t0;
const sdkModules = Object.keys(internals._cache).filter((k) => k.includes('@aws-sdk') || k.endsWith('/dist/aws.js'));
process.stdout.write(`${JSON.stringify({ loadMs, sdkModules })}\n`);
