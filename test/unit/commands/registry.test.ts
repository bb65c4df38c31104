/**
 * One command registry: every command of the manifest has exactly one handler, in its own
 * file, wired in src/commands/registerCommands.ts; ids come from src/shared/ids.ts only, and the
 * manifest's file-name `when` clauses from src/shared/configFileNames.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WHEN } from '../../../src/shared/configFileNames';
import { COMMANDS, INTERNAL_COMMANDS, VIEWS } from '../../../src/shared/ids';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command: string; when?: string }>>; views: Record<string, Array<{ id: string }>> };
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

const SRC = path.join(ROOT, 'src');
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

describe('commands: one registry, ids from one module', () => {
  it('the manifest contributes exactly the commands of src/shared/ids.ts (besides the internal ones)', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const known = Object.values(COMMANDS)
      .filter((id) => !INTERNAL_COMMANDS.includes(id))
      .sort();
    assert.deepEqual(contributed, known);
  });

  it('every menu entry names a known command; view ids match', () => {
    const ids = new Set<string>(Object.values(COMMANDS));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const e of entries) {
        assert.ok(ids.has(e.command), `${menu}: ${e.command}`);
      }
    }
    assert.deepEqual(
      manifest.contributes.views[VIEWS.container].map((v) => v.id),
      [VIEWS.functions, VIEWS.mappings],
    );
  });

  it("the manifest's file-name `when` clauses are those of src/shared/configFileNames.ts", () => {
    const allowed = new Set<string>(Object.values(WHEN));
    let checked = 0;
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const e of entries) {
        if (!e.when || !/resource(Filename|Extname)/.test(e.when)) {
          continue;
        }
        const clause = e.when.replace(/^!explorerResourceIsFolder && /, '');
        assert.ok(allowed.has(clause), `${menu} ${e.command}: ${e.when}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `${checked} clauses checked`);
  });

  it('no other module of src/ writes a command id as a literal', () => {
    const ids = Object.values(COMMANDS);
    for (const file of sourceFiles(SRC)) {
      if (rel(file) === 'src/shared/ids.ts') {
        continue;
      }
      const text = fs.readFileSync(file, 'utf8');
      for (const id of ids) {
        assert.ok(!text.includes(`'${id}'`) && !text.includes(`"${id}"`) && !text.includes(`\`${id}\``), `${rel(file)} writes '${id}'`);
      }
    }
  });

  it('registerCommand( appears in the registry and the wrapper only', () => {
    const callers = sourceFiles(SRC)
      .filter((f) => /\bregisterCommand\(/.test(fs.readFileSync(f, 'utf8')))
      .map(rel)
      .sort();
    assert.deepEqual(callers, ['src/commands/registerCommands.ts', 'src/core/registerCommand.ts']);
  });

  it('each handler lives in its own file under src/commands/<feature>/, named after it', () => {
    const registry = fs.readFileSync(path.join(SRC, 'commands', 'registerCommands.ts'), 'utf8');
    const imports = [...registry.matchAll(/^import \{ (\w+) \} from '\.\/(\w+)\/(\w+)';$/gm)];
    assert.ok(imports.length >= Object.keys(COMMANDS).length, `${imports.length} handler imports`);
    for (const [, name, , file] of imports) {
      assert.equal(name, file, `${name} comes from a file of its own name`);
    }
    for (const name of Object.keys(COMMANDS)) {
      assert.match(registry, new RegExp(`^  ${name}[,:]`, 'm'), `${name} is in HANDLERS`);
    }
  });
});
