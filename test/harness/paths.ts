import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository (this file is compiled to out/test/harness/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Template of the folder the integration and UI tests open in VS Code. */
export const WORKSPACE_SOURCE = path.join(REPO_ROOT, 'test', 'integration', 'workspace');

export interface WorkspaceCopy {
  /** The folder to open: <temporary folder>/<name of the template folder>. */
  path: string;
  /** Removes the copy. */
  remove(): void;
}

/** Copies a workspace template to a fresh temporary folder, so tests may write files. */
export function copyWorkspace(source = WORKSPACE_SOURCE): WorkspaceCopy {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-workspace-'));
  const target = path.join(parent, path.basename(source));
  if (fs.existsSync(source)) {
    fs.cpSync(source, target, { recursive: true });
  } else {
    fs.mkdirSync(target);
  }
  return { path: target, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}
