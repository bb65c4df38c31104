/**
 * The layers of src/ hold: `npm run lint` fails on an import that goes up a layer. Checked here
 * with ESLint itself on the project's own configuration, by linting real files with one import
 * added.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

async function boundaryErrors(file: string, extraImport: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const text = `${extraImport}\n${fs.readFileSync(path.join(ROOT, file), 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('architecture: layers that hold (lint)', function () {
  this.timeout(120_000);
  // In "single run" mode (which typescript-eslint infers from CI=true) the parser reads the file
  // from disk, not the text given to lintText: these tests lint text, so they ask for the other.
  const singleRun = process.env.TSESTREE_SINGLE_RUN;
  before(() => {
    process.env.TSESTREE_SINGLE_RUN = 'false';
  });
  after(() => {
    if (singleRun === undefined) {
      delete process.env.TSESTREE_SINGLE_RUN;
    } else {
      process.env.TSESTREE_SINGLE_RUN = singleRun;
    }
  });

  it('a tree module importing a command fails lint', async () => {
    const errors = await boundaryErrors('src/tree/views.ts', "import { HANDLERS } from '../commands/registerCommands';\nvoid HANDLERS;");
    assert.deepEqual(errors, ['There is no policy allowing dependencies from elements of type "tree" to elements of type "commands"']);
  });

  it('a core module importing a feature fails lint', async () => {
    const errors = await boundaryErrors('src/core/log.ts', "import { Invoker } from '../invoke/invoker';\nvoid Invoker;");
    assert.deepEqual(errors, ['There is no policy allowing dependencies from elements of type "core" to elements of type "invoke"']);
  });

  it('a pure model importing the views fails lint', async () => {
    const errors = await boundaryErrors('src/invoke/model/limits.ts', "import { LambdaViews } from '../../tree/views';\nvoid LambdaViews;");
    assert.deepEqual(errors, ['There is no policy allowing dependencies from elements of type "invoke-model" to elements of type "tree"']);
  });

  it('the same files as they are pass', async () => {
    for (const file of ['src/tree/views.ts', 'src/core/log.ts', 'src/invoke/model/limits.ts']) {
      assert.deepEqual(await boundaryErrors(file, ''), [], file);
    }
  });
});
