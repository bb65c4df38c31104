// Bundles the extension with esbuild.
//   dist/extension.js  activation: views and commands, no AWS SDK
//   dist/aws.js        the AWS SDK and the modules that talk to AWS, required on first use
//   dist/config.js     config-file validation (JSON Schema + cross-field rules), required on first use
//   dist/invoke.js     payload checks, log decoding and result formatting, required on first invoke
//   dist/logs.js       the full log of an invocation and the live tail's lines, required on first use
//   dist/testEvents.js the shareable test events (document model, store), required on first use
//   dist/testHooks.js  the test hooks activate() returns in ExtensionMode.Test (not packaged)
import * as esbuild from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // jsonc-parser's UMD build requires its own files at run time; take the ES module build.
  mainFields: ['module', 'main'],
  // jsonc-parser's "main" is a UMD build whose require('./impl/...') esbuild cannot follow: bundle its ES module build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { aws: 'src/aws/index.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { config: 'src/config/model/index.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { invoke: 'src/invoke/model/index.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { logs: 'src/logs/model/index.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { testEvents: 'src/testEvents/model/index.ts' }, outdir: 'dist' },
  // Only for the extension's own tests (ExtensionMode.Test); not packaged.
  { ...common, entryPoints: { testHooks: 'src/testHooks.ts' }, outdir: 'dist' },
];

mkdirSync('dist', { recursive: true });
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('[watch] build started');
} else {
  for (const b of builds) {
    const result = await esbuild.build(b);
    const name = Object.keys(b.entryPoints)[0];
    mkdirSync('out/meta', { recursive: true });
    writeFileSync(`out/meta/${name}.json`, JSON.stringify(result.metafile));
    const inputs = Object.keys(result.metafile.inputs);
    // What activation must not pay for: each lazy part stays out of the main bundle.
    const lazyParts = [
      [(i) => i.includes('@aws-sdk') || i.includes('@smithy'), 'the AWS SDK', 'dist/aws.js'],
      [(i) => i.includes('node_modules/ajv') || i.startsWith('src/config/model/'), 'config validation', 'dist/config.js'],
      [(i) => i.includes('node_modules/jsonc-parser') || i === 'src/invoke/model/payloadCheck.ts' || i === 'src/invoke/model/format.ts', 'the payload checks and result formatting', 'dist/invoke.js'],
      [(i) => i.startsWith('src/logs/model/'), 'the full-log assembly', 'dist/logs.js'],
      [(i) => i.startsWith('src/testEvents/model/'), 'the shareable test events model', 'dist/testEvents.js'],
      [(i) => i === 'src/testHooks.ts', 'the test hooks', 'dist/testHooks.js'],
    ];
    for (const [inMain, what, bundle] of name === 'extension' ? lazyParts : []) {
      const found = inputs.filter(inMain);
      if (found.length > 0) {
        console.error(`dist/extension.js must not contain ${what} (${found.slice(0, 3).join(', ')}); it is loaded from ${bundle} on first use`);
        process.exit(1);
      }
    }
  }
}
