import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTEXT, contextValue, groupContextValue, mappingContextValue } from '../../../src/tree/model/contextValues';
import { FUNCTION_GROUPS } from '../../../src/tree/model/grouping';
import { CONTEXT_KEYS } from '../../../src/shared/ids';

/** The `view/item/context` menus of package.json, with their `viewItem` test. */
function itemMenus(): Array<{ command: string; group: string; test: (viewItem: string) => boolean }> {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.readFileSync(path.join(dir, 'package.json'), 'utf8').includes('"name": "lambda-workbench"')) {
    dir = path.dirname(dir);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    contributes: { menus: Record<string, Array<{ command: string; when?: string; group?: string }>> };
  };
  return pkg.contributes.menus['view/item/context'].map((m) => {
    const when = m.when ?? '';
    const regex = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(when);
    const equals = /viewItem == (\S+)/.exec(when);
    const test = regex ? (v: string) => new RegExp(regex[1]).test(v) : equals ? (v: string) => v === equals[1] : () => true;
    return { command: m.command.replace('lambdaWorkbench.', ''), group: m.group ?? '', test };
  });
}

function commandsFor(viewItem: string, inline = false): string[] {
  const found = itemMenus()
    .filter((m) => m.test(viewItem) && m.group.startsWith('inline') === inline)
    .map((m) => m.command);
  return [...new Set(found)].sort();
}

describe('tree/model/contextValues', () => {
  it('Open in AWS Console is hidden while a custom endpoint is in use (context key of src/shared/ids.ts)', () => {
    const menus = (JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } }).contributes.menus;
    const entries = Object.values(menus)
      .flat()
      .filter((m) => m.command === 'lambdaWorkbench.openInConsole' && m.when !== 'false');
    assert.ok(entries.length > 0);
    for (const m of entries) {
      assert.match(m.when ?? '', new RegExp(`&& !${CONTEXT_KEYS.customEndpoint.replace('.', '\\.')}$`), JSON.stringify(m));
    }
  });

  it('composes parts with dots', () => {
    assert.equal(contextValue('mapping', 'enabled'), 'mapping.enabled');
    assert.equal(contextValue('mapping', undefined), 'mapping');
    assert.equal(groupContextValue('versions'), 'group.versions');
  });

  it('mapping states become mapping.<state>; an unknown state just mapping', () => {
    for (const state of ['Enabled', 'Disabled', 'Creating', 'Updating', 'Enabling', 'Disabling', 'Deleting']) {
      assert.equal(mappingContextValue(state), `mapping.${state.toLowerCase()}`);
    }
    assert.equal(mappingContextValue(undefined), 'mapping');
    assert.equal(mappingContextValue('Weird'), 'mapping');
  });

  describe('match the menus of package.json', () => {
    it('an enabled mapping offers Disable (inline and in the menu), not Enable', () => {
      assert.deepEqual(commandsFor('mapping.enabled', true), ['disableMapping']);
      assert.deepEqual(commandsFor('mapping.enabled'), ['copyArn', 'copyName', 'disableMapping', 'editEventSourceMapping', 'openInConsole', 'refresh', 'showDetails']);
    });

    it('a disabled mapping offers Enable, not Disable', () => {
      assert.deepEqual(commandsFor('mapping.disabled', true), ['enableMapping']);
      assert.ok(commandsFor('mapping.disabled').includes('enableMapping'));
      assert.ok(!commandsFor('mapping.disabled').includes('disableMapping'));
    });

    it('a mapping between states offers neither', () => {
      for (const s of ['creating', 'updating', 'enabling', 'disabling', 'deleting']) {
        const all = [...commandsFor(`mapping.${s}`), ...commandsFor(`mapping.${s}`, true)];
        assert.ok(!all.includes('enableMapping') && !all.includes('disableMapping'), s);
        assert.ok(all.includes('showDetails'), s);
      }
    });

    it('functions, versions and aliases can be invoked, copied, opened and edited', () => {
      for (const v of [CONTEXT.function, CONTEXT.version, CONTEXT.alias]) {
        assert.deepEqual(commandsFor(v, true), ['invoke'], v);
        for (const c of ['invoke', 'copyName', 'copyArn', 'openInConsole', 'showDetails', 'editEventInvokeConfig']) {
          assert.ok(commandsFor(v).includes(c), `${v} ${c}`);
        }
      }
      assert.ok(commandsFor(CONTEXT.function).includes('refresh'));
    });

    it('an invoke config shows its details and can be edited, not invoked', () => {
      assert.deepEqual(commandsFor(CONTEXT.invokeConfig), ['editEventInvokeConfig', 'showDetails']);
    });

    it('an error node offers Retry inline and the log', () => {
      assert.deepEqual(commandsFor(CONTEXT.error, true), ['retry']);
      assert.deepEqual(commandsFor(CONTEXT.error), ['showLog']);
    });

    it('regions and groups can be refreshed; placeholders offer nothing', () => {
      assert.deepEqual(commandsFor(CONTEXT.region), ['refresh']);
      for (const kind of FUNCTION_GROUPS) {
        assert.deepEqual(commandsFor(groupContextValue(kind)), ['refresh']);
      }
      for (const v of [CONTEXT.loadMore, CONTEXT.empty, CONTEXT.loading]) {
        assert.deepEqual([...commandsFor(v), ...commandsFor(v, true)], [], v);
      }
    });
  });
});
