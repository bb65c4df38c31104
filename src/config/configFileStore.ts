import * as vscode from 'vscode';
import { Cancelled } from '../core/errors';
import { ui } from '../core/userInput';

/** Folder of the workspace where Edit and New put config files. */
export const CONFIG_FOLDER = '.lambda-workbench';
const REGIONS_KEY = 'lambdaWorkbench.configFileRegions';

/**
 * Where config files go and which region each belongs to.
 *
 * Files are written to `<first workspace folder>/.lambda-workbench/<name>`: real files, so the
 * JSON schemas apply by name (`jsonValidation`), they can be kept with the project and used
 * with `aws lambda … --cli-input-json file://…`. Without a workspace folder the file is an
 * untitled document with the same name. The region a file was opened for is remembered (the
 * CLI shape has no region field) and used when the file is applied.
 */
export class ConfigFileStore {
  private readonly regions: Map<string, string>;

  constructor(private readonly state: vscode.Memento) {
    this.regions = new Map(Object.entries(state.get<Record<string, string>>(REGIONS_KEY, {})));
  }

  /** The folder config files are written to, or undefined without a workspace folder. */
  folder(): vscode.Uri | undefined {
    const ws = vscode.workspace.workspaceFolders?.[0];
    return ws ? vscode.Uri.joinPath(ws.uri, CONFIG_FOLDER) : undefined;
  }

  regionOf(uri: vscode.Uri): string | undefined {
    return this.regions.get(uri.toString());
  }

  rememberRegion(uri: vscode.Uri, region: string): void {
    if (this.regions.get(uri.toString()) === region) {
      return;
    }
    this.regions.set(uri.toString(), region);
    // Keep the last 200 files.
    const entries = [...this.regions.entries()].slice(-200);
    void this.state.update(REGIONS_KEY, Object.fromEntries(entries));
  }

  /**
   * Opens the config file `name` holding `text`. An existing file with other content is only
   * replaced when the user says so; otherwise it is opened as it is.
   */
  async open(name: string, text: string, region: string): Promise<vscode.Uri> {
    const folder = this.folder();
    if (!folder) {
      return this.openUntitled(name, text, region);
    }
    const uri = vscode.Uri.joinPath(folder, name);
    let onDisk: string | undefined;
    try {
      onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      onDisk = undefined;
    }
    // An open document counts when it has unsaved changes or its file still exists.
    const openDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const existing = openDoc && (openDoc.isDirty || onDisk !== undefined) ? openDoc.getText() : onDisk;
    if (existing !== undefined && existing !== text) {
      const replace = vscode.l10n.t('Replace with Current Settings');
      const keep = vscode.l10n.t('Open Existing File');
      const answer = await ui().showWarningMessage(
        vscode.l10n.t('{0} already exists and differs from the settings read from AWS.', vscode.workspace.asRelativePath(uri)),
        { modal: true, detail: openDoc?.isDirty ? vscode.l10n.t('The file has unsaved changes.') : undefined },
        replace,
        keep,
      );
      if (answer === undefined) {
        throw new Cancelled();
      }
      if (answer === replace) {
        await this.write(uri, text, openDoc);
      }
    } else if (existing === undefined) {
      await vscode.workspace.fs.createDirectory(folder);
      await this.write(uri, text, openDoc);
    }
    this.rememberRegion(uri, region);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    return uri;
  }

  /** Writes the file; an open document of it takes the text and is saved (so editor and disk agree). */
  private async write(uri: vscode.Uri, text: string, openDoc: vscode.TextDocument | undefined): Promise<void> {
    if (openDoc && !openDoc.isClosed) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(openDoc.positionAt(0), openDoc.positionAt(openDoc.getText().length)), text);
      await vscode.workspace.applyEdit(edit);
      await openDoc.save();
    } else {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    }
  }

  private async openUntitled(name: string, text: string, region: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: name });
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
    this.rememberRegion(uri, region);
    return uri;
  }
}
