// Packages the extension: lambda-workbench.vsix at the repository root.
// The production build (npm run build:prod) runs first: vsce runs it as the
// `vscode:prepublish` script. What goes into the .vsix is decided by .vscodeignore.
// Fails when vsce fails or prints any warning.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = 'lambda-workbench.vsix';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  if (r.error) {
    console.error(`cannot run ${command}: ${r.error.message}`);
    process.exit(1);
  }
  return r;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!/\bbuild:prod\b/.test(pkg.scripts?.['vscode:prepublish'] ?? '')) {
  // vsce would not build: do it here.
  if (run(npm, ['run', 'build:prod']).status !== 0) {
    process.exit(1);
  }
}

rmSync(join(root, out), { force: true });
const vsce = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
// stdin is closed: a question vsce would ask (e.g. about a missing LICENSE) fails instead of waiting.
const r = run(vsce, ['package', '--no-dependencies', '-o', out]);
const warnings = `${r.stdout}\n${r.stderr}`.split('\n').filter((line) => /\bWARNING\b|^\s*Warning:/.test(line));
if (r.status !== 0) {
  console.error(`vsce package failed (exit code ${r.status})`);
  process.exit(1);
}
if (warnings.length > 0) {
  console.error(`vsce printed ${warnings.length} warning(s); the package must build without any:\n${warnings.join('\n')}`);
  rmSync(join(root, out), { force: true });
  process.exit(1);
}
console.log(`${out}: ${(statSync(join(root, out)).size / 1024).toFixed(1)} KiB`);
