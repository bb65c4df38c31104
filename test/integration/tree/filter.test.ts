/**
 * Explorer — Filter Functions by Name: case-insensitive substring, shown as the view's
 * description, with the context key for the Clear action; pages not yet loaded are searched
 * in the background until the list ends.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/api';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, type Emulator } from '../../emulator';
import { configure, setup, waitFor, withAnswers } from '../support';
import { ofKind, Provider, rows } from './treeSupport';

describe('Explorer: filter functions by name', function () {
  this.timeout(120_000);
  let api: TestHooks;
  let emulator: Emulator;
  let fp: Provider;

  beforeEach(async () => {
    ({ api, emulator } = await setup());
    fp = api.views.functionsProvider;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('lambdaWorkbench.clearFilter');
    await configure({ regions: ['us-east-1'] });
  });

  it('asks for the text, keeps the matching functions, shows the filter; Clear shows all again', async () => {
    const { input } = await withAnswers([() => 'LOGGER'], () => vscode.commands.executeCommand('lambdaWorkbench.filterFunctions'));
    assert.deepEqual(input.asked, ['inputBox: Filter Functions by Name']);
    assert.deepEqual((await rows(fp)).map((r) => r.label), ['chatty-logger', 'json-logger']);
    assert.equal(api.views.functionsView.description, 'Filter: LOGGER');

    await vscode.commands.executeCommand('lambdaWorkbench.clearFilter');
    assert.equal(ofKind(await rows(fp), 'function').length, DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION].length);
    assert.equal(api.views.functionsView.description, undefined);
  });

  it('no match: a placeholder that says so', async () => {
    await vscode.commands.executeCommand('lambdaWorkbench.filterFunctions', 'no-such-function');
    assert.deepEqual(
      (await rows(fp)).map((r) => [r.label, r.contextValue]),
      [['No functions match "no-such-function" in us-east-1', 'empty']],
    );
  });

  it('several regions: each region node lists its matches', async () => {
    await configure({ regions: ['us-east-1', 'eu-west-1'] });
    await vscode.commands.executeCommand('lambdaWorkbench.filterFunctions', 'eu-');
    const [us, eu] = await rows(fp);
    assert.deepEqual((await rows(fp, us)).map((r) => r.contextValue), ['empty']);
    assert.deepEqual((await rows(fp, eu)).map((r) => r.label), ['eu-image-resizer', 'eu-stream-consumer']);
    assert.equal((await rows(fp)).find((r) => r.label === 'eu-west-1')?.description, '2 matching');
  });

  it('searches the pages not loaded yet in the background, until the list ends', async () => {
    const region = 'ca-central-1';
    emulator.seedSynthetic(5000, { region });
    await configure({ regions: [region] });
    assert.equal(ofKind(await rows(fp), 'function').length, 50, 'only the first page is loaded');

    await vscode.commands.executeCommand('lambdaWorkbench.filterFunctions', 'fn-0499');
    const first = await rows(fp);
    assert.equal(first[first.length - 1].contextValue, 'loading', 'a "Searching…" node while pages remain');
    const found = await waitFor(
      'the search to reach the end of the list',
      async () => {
        const list = await rows(fp);
        return list.every((r) => r.contextValue === 'function') ? list : undefined;
      },
      60_000,
    );
    assert.deepEqual(
      found.map((r) => r.label),
      Array.from({ length: 10 }, (_, i) => `synthetic-fn-0499${i}`),
    );
    // The filter kept every page: clearing it shows all 5,000 at once, without Load more.
    await vscode.commands.executeCommand('lambdaWorkbench.clearFilter');
    assert.equal((await rows(fp)).length, 5000);
  });
});
