/**
 * The config-file schemas through `"$schema"` in a JSON file of any name: the extension serves
 * them under `lambda-workbench-schema:/…` (a read-only file system), which VS Code's JSON
 * support reads to give completion, hover and diagnostics. A file with a plain name and no
 * `$schema` gets none of this (the schemas otherwise apply by file name only).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../../src/api';
import { EXTENSION_ID, waitFor } from '../support';
import { workspaceFile } from './helpers';
import { completionLabels, hoverText } from '../languageFeatures';

const SCHEME = 'lambda-workbench-schema';
const INVOKE_SCHEMA = `${SCHEME}:/event-invoke-config.schema.json`;
const MAPPING_SCHEMA = `${SCHEME}:/event-source-mapping.schema.json`;

const WITH_SCHEMA = workspaceFile('plain-settings.json');
const MAPPING_WITH_SCHEMA = workspaceFile('plain-mapping-settings.json');
const WITHOUT_SCHEMA = workspaceFile('plain-settings-no-schema.json');

/** Line 1 is empty (completion goes there); line 4 holds the field to hover and check. */
function fileText(schema: string | undefined, fields: Record<string, unknown>): string {
  const lines = ['{', '  '];
  if (schema) {
    lines.push(`  "$schema": ${JSON.stringify(schema)},`);
  }
  const entries = Object.entries(fields);
  entries.forEach(([key, value], i) => lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${i < entries.length - 1 ? ',' : ''}`));
  lines.push('}', '');
  return lines.join('\n');
}

async function write(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position of the value of `key` (the first line that has it). */
function valuePosition(doc: vscode.TextDocument, key: string): vscode.Position {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    const at = text.indexOf(`"${key}":`);
    if (at >= 0) {
      return new vscode.Position(line, text.indexOf(':', at) + 2);
    }
  }
  throw new Error(`${key} not in ${doc.uri.toString()}`);
}

function keyPosition(doc: vscode.TextDocument, key: string): vscode.Position {
  const value = valuePosition(doc, key);
  return new vscode.Position(value.line, doc.lineAt(value.line).text.indexOf(`"${key}"`) + 3);
}

describe('Config files: the schemas through "$schema" in any JSON file', function () {
  this.timeout(90_000);
  let extensionPath: string;

  before(async () => {
    const ext = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await ext.activate();
    extensionPath = ext.extensionPath;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [WITH_SCHEMA, MAPPING_WITH_SCHEMA, WITHOUT_SCHEMA]) {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it(`${SCHEME}:/ serves the shipped schemas of the display language, read-only`, async () => {
    const lang = vscode.env.language.toLowerCase().split('-')[0];
    for (const name of ['event-invoke-config.schema.json', 'event-source-mapping.schema.json']) {
      const localized = path.join(extensionPath, 'schemas', lang, name);
      const expected = fs.readFileSync(fs.existsSync(localized) ? localized : path.join(extensionPath, 'schemas', name), 'utf8');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(`${SCHEME}:/${name}`));
      assert.equal(doc.getText(), expected, `${name} as shipped`);
    }
    assert.equal(vscode.workspace.fs.isWritableFileSystem(SCHEME), false, 'the schema file system is read-only');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(`${SCHEME}:/nothing.schema.json`))), /nothing\.schema\.json|not found|ENOENT/i);
  });

  it('an event invoke config schema named in "$schema": diagnostic, completion and hover in plain-settings.json', async () => {
    const doc = await write(WITH_SCHEMA, fileText(INVOKE_SCHEMA, { FunctionName: 'hello-world', MaximumRetryAttempts: 7 }));

    const diagnostic = await waitFor(
      'a diagnostic for MaximumRetryAttempts 7',
      () => vscode.languages.getDiagnostics(WITH_SCHEMA).find((d) => doc.getText(d.range) === '7'),
      45_000,
    );
    assert.match(diagnostic.message, /2/, diagnostic.message);

    const labels = await waitFor(
      'the schema fields in completion',
      async () => {
        const l = await completionLabels(WITH_SCHEMA, new vscode.Position(1, 2));
        return l.includes('MaximumEventAgeInSeconds') ? l : undefined;
      },
      45_000,
    );
    for (const field of ['Qualifier', 'DestinationConfig']) {
      assert.ok(labels.includes(field), `${field} among ${labels.join(', ')}`);
    }
    assert.ok(!labels.includes('MaximumRetryAttempts'), 'a field already present is not offered again');

    const hover = await waitFor(
      'a hover with the description of MaximumRetryAttempts',
      async () => {
        const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', WITH_SCHEMA, keyPosition(doc, 'MaximumRetryAttempts')));
        return /maximum number of times to retry/i.test(t) ? t : undefined;
      },
      45_000,
    );
    assert.match(hover, /Range:\*\* 0–2/);
  });

  it('an event source mapping schema named in "$schema": diagnostic, completion and hover', async () => {
    const doc = await write(MAPPING_WITH_SCHEMA, fileText(MAPPING_SCHEMA, { UUID: '3f6c2a8e-0000-4000-8000-000000000000', BatchSize: 20000 }));

    const diagnostic = await waitFor(
      'a diagnostic for BatchSize 20000',
      () => vscode.languages.getDiagnostics(MAPPING_WITH_SCHEMA).find((d) => doc.getText(d.range) === '20000'),
      45_000,
    );
    assert.match(diagnostic.message, /10000/, diagnostic.message);

    const labels = await waitFor(
      'the mapping fields in completion',
      async () => {
        const l = await completionLabels(MAPPING_WITH_SCHEMA, new vscode.Position(1, 2));
        return l.includes('ParallelizationFactor') ? l : undefined;
      },
      45_000,
    );
    for (const field of ['Enabled', 'FilterCriteria', 'MaximumBatchingWindowInSeconds']) {
      assert.ok(labels.includes(field), `${field} among ${labels.join(', ')}`);
    }

    await waitFor(
      'a hover with the description of BatchSize',
      async () => {
        const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', MAPPING_WITH_SCHEMA, keyPosition(doc, 'BatchSize')));
        return /maximum number of records in each batch/i.test(t) ? t : undefined;
      },
      45_000,
    );
  });

  it('a plain file without "$schema" gets none of it', async () => {
    const doc = await write(WITHOUT_SCHEMA, fileText(undefined, { FunctionName: 'hello-world', MaximumRetryAttempts: 7 }));
    // The JSON support answers completion for this file (so it has seen it) without schema fields.
    const labels = await completionLabels(WITHOUT_SCHEMA, new vscode.Position(1, 2));
    assert.ok(!labels.includes('MaximumEventAgeInSeconds'), `no schema fields: ${labels.join(', ')}`);
    // The same content with "$schema" got its diagnostic within seconds; give this one as long.
    await new Promise((r) => setTimeout(r, 3000));
    const diagnostics = vscode.languages.getDiagnostics(WITHOUT_SCHEMA);
    assert.deepEqual(
      diagnostics.filter((d) => doc.getText(d.range) === '7').map((d) => d.message),
      [],
    );
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', WITHOUT_SCHEMA, keyPosition(doc, 'MaximumRetryAttempts')));
    assert.doesNotMatch(hover, /maximum number of times to retry/i);
  });
});
