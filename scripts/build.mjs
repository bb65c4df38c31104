// Bundles the extension with esbuild.
//   dist/extension.js  activation: views and commands, no AWS SDK
//   dist/aws.js        the AWS SDK and the modules that talk to AWS, required on first use
//   dist/config.js     config-file validation (JSON Schema + cross-field rules), required on first use
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
    if (name === 'extension' && inputs.some((i) => i.includes('@aws-sdk') || i.includes('@smithy'))) {
      console.error('dist/extension.js must not contain the AWS SDK; it is loaded from dist/aws.js on first use');
      process.exit(1);
    }
  }
}
