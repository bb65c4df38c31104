/**
 * The shipped schemas in VS Code's own JSON support (package.json `jsonValidation`):
 * completion offers the fields, hover shows their descriptions, an out-of-range value gets a
 * diagnostic — in the workspace's config files, with no command run. Apply adds no second
 * diagnostic for it; completion offers no words of other files where every field is there.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { setup, waitFor, withAnswers } from '../support';
import { workspaceFile } from './helpers';
import { completionLabels, hoverText } from '../languageFeatures';

const INTELLISENSE = workspaceFile('configs/intellisense.event-invoke-config.json');
const OUT_OF_RANGE = workspaceFile('configs/out-of-range.event-invoke-config.json');
const MAPPING = workspaceFile('configs/orders-queue.batch.event-source-mapping.json');

describe('Config files: IntelliSense from the shipped schemas', function () {
  this.timeout(60_000);

  it('completion in a *.event-invoke-config.json file offers the fields', async () => {
    const doc = await vscode.workspace.openTextDocument(INTELLISENSE);
    await vscode.window.showTextDocument(doc);
    const position = new vscode.Position(1, 2);
    const labels = await waitFor(
      'the JSON language support to offer the schema fields',
      async () => {
        const l = await completionLabels(INTELLISENSE, position);
        return l.includes('MaximumRetryAttempts') ? l : undefined;
      },
      45_000,
    );
    for (const field of ['Qualifier', 'MaximumRetryAttempts', 'MaximumEventAgeInSeconds', 'DestinationConfig']) {
      assert.ok(labels.includes(field), `${field} among ${labels.join(', ')}`);
    }
    assert.ok(!labels.includes('FunctionName'), 'a field already present is not offered again');
  });

  it('completion in a *.event-source-mapping.json file offers the update fields, not the read-only ones', async () => {
    const doc = await vscode.workspace.openTextDocument(MAPPING);
    await vscode.window.showTextDocument(doc);
    // After the opening brace: a new property goes there.
    const labels = await waitFor(
      'mapping fields',
      async () => {
        const l = await completionLabels(MAPPING, new vscode.Position(0, 1));
        return l.includes('ParallelizationFactor') ? l : undefined;
      },
      45_000,
    );
    for (const field of ['Enabled', 'FilterCriteria', 'FunctionResponseTypes', 'MaximumRecordAgeInSeconds', 'ScalingConfig', 'TumblingWindowInSeconds']) {
      assert.ok(labels.includes(field), `${field} among ${labels.join(', ')}`);
    }
    for (const readOnly of ['StartingPosition', 'EventSourceArn', 'State']) {
      assert.ok(!labels.includes(readOnly), `${readOnly} is not offered`);
    }
  });

  it('an untitled document with such a name (the fallback without a workspace folder) gets the schema too', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: 'no-folder.event-invoke-config.json' }));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '{\n  \n  "FunctionName": "hello-world"\n}\n'));
    const labels = await waitFor(
      'the schema fields in the untitled document',
      async () => {
        const l = await completionLabels(doc.uri, new vscode.Position(1, 2));
        return l.includes('MaximumRetryAttempts') ? l : undefined;
      },
      45_000,
    );
    assert.ok(labels.includes('DestinationConfig'));
    assert.ok(!labels.includes('$schema'), '$schema is allowed but not suggested');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('hover on a field shows its description from the schema', async () => {
    await vscode.workspace.openTextDocument(INTELLISENSE);
    const text = await waitFor(
      'a hover with the description',
      async () => {
        const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', INTELLISENSE, new vscode.Position(2, 6)));
        return /name or ARN of the Lambda function/.test(t) ? t : undefined;
      },
      45_000,
    );
    assert.match(text, /Length:\*\* 1–256/);
  });

  it('an out-of-range value gets a diagnostic on the value', async () => {
    const doc = await vscode.workspace.openTextDocument(OUT_OF_RANGE);
    await vscode.window.showTextDocument(doc);
    const diagnostic = await waitFor(
      'a diagnostic for MaximumRetryAttempts 7',
      () => vscode.languages.getDiagnostics(OUT_OF_RANGE).find((d) => /maximum/i.test(d.message)),
      45_000,
    );
    assert.equal(doc.getText(diagnostic.range), '7');
    assert.match(diagnostic.message, /2/);
  });

  it('Apply on the out-of-range value adds no second diagnostic: one per problem', async () => {
    const { api } = await setup();
    const doc = await vscode.workspace.openTextDocument(OUT_OF_RANGE);
    await vscode.window.showTextDocument(doc);
    const onValue = () => vscode.languages.getDiagnostics(OUT_OF_RANGE).filter((d) => doc.getText(d.range) === '7');
    await waitFor('the schema check to mark the value', () => onValue().length > 0, 45_000);
    const { result } = await withAnswers([], () => vscode.commands.executeCommand<{ status: string; problems?: string[] }>('lambdaWorkbench.putEventInvokeConfig', OUT_OF_RANGE));
    assert.equal(result?.status, 'invalid');
    assert.equal(result.problems?.length, 1, JSON.stringify(result.problems));
    assert.equal(onValue().length, 1, `one diagnostic on the value: ${JSON.stringify(onValue().map((d) => [d.source, d.message]))}`);
    assert.deepEqual(api.config.diagnostics.get(OUT_OF_RANGE) ?? [], [], 'the extension shows none of its own there');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('no word-based suggestions in a config file where every field is already there', async () => {
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'json' }).get('wordBasedSuggestions'), 'off');
    const full = workspaceFile('configs/tmp-every-field.event-invoke-config.json');
    fs.writeFileSync(
      full.fsPath,
      '{\n  "FunctionName": "hello-world",\n  "Qualifier": "live",\n  "MaximumRetryAttempts": 1,\n  "MaximumEventAgeInSeconds": 60,\n  "DestinationConfig": {},\n  \n}\n',
    );
    try {
      const doc = await vscode.workspace.openTextDocument(full);
      await vscode.window.showTextDocument(doc);
      // The JSON support has the schema (a field of it completes in the other file), then: nothing here.
      await waitFor('the schema in use', async () => (await completionLabels(INTELLISENSE, new vscode.Position(1, 2))).includes('MaximumRetryAttempts'), 45_000);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', full, new vscode.Position(6, 2));
      const words = (list?.items ?? []).filter((i) => i.kind === vscode.CompletionItemKind.Text);
      assert.deepEqual(words.map((i) => i.label), [], 'no words of this or other files');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(full.fsPath, { force: true });
    }
  });
});
