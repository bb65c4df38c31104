/**
 * The config-file schemas under the URI scheme `lambda-workbench-schema`, so that any JSON
 * file can use them with `"$schema": "lambda-workbench-schema:/event-invoke-config.schema.json"`
 * (or `…/event-source-mapping.schema.json`). VS Code's JSON support reads a `$schema` whose
 * scheme is not http(s) or file through `openTextDocument`, which this read-only file system
 * answers. The schema is the one of VS Code's display language when a translated copy ships
 * (`schemas/<lang>/`), else the English one. Files named `*.event-invoke-config.json` and
 * `*.event-source-mapping.json` get the schemas by name (`contributes.jsonValidation`).
 */
import * as vscode from 'vscode';

export const SCHEMA_SCHEME = 'lambda-workbench-schema';

/** The schema files served, by name (`lambda-workbench-schema:/<name>`). */
export const SCHEMA_FILES: readonly string[] = ['event-invoke-config.schema.json', 'event-source-mapping.schema.json'];

/** Display languages with a translated copy under `schemas/<lang>/`. */
const SCHEMA_LANGUAGES: readonly string[] = ['ja', 'fr', 'de', 'ko'];

/** The folder under `schemas/` for a display language (`ja`, `de-ch` → `de`), or undefined for English. */
export function schemaLanguage(language: string): string | undefined {
  const lang = language.toLowerCase();
  return SCHEMA_LANGUAGES.find((l) => lang === l || lang.startsWith(`${l}-`));
}

/** Read-only: the root folder and the schema files in it. */
export class SchemaFileSystem implements vscode.FileSystemProvider {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;
  private readonly cache = new Map<string, Promise<Uint8Array>>();
  /** When the extension was loaded: the schemas do not change while it runs. */
  private readonly loaded = Date.now();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly language: () => string = () => vscode.env.language,
  ) {}

  /** The schema file a URI names, or undefined for the root folder; throws FileNotFound for anything else. */
  private fileName(uri: vscode.Uri): string | undefined {
    const name = uri.path.replace(/^\/+/, '');
    if (name === '') {
      return undefined;
    }
    if (!SCHEMA_FILES.includes(name)) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return name;
  }

  private content(name: string): Promise<Uint8Array> {
    let content = this.cache.get(name);
    if (!content) {
      const lang = schemaLanguage(this.language());
      const english = vscode.Uri.joinPath(this.extensionUri, 'schemas', name);
      const source = lang ? vscode.Uri.joinPath(this.extensionUri, 'schemas', lang, name) : english;
      content = Promise.resolve(vscode.workspace.fs.readFile(source)).catch(() => vscode.workspace.fs.readFile(english));
      content.catch(() => this.cache.delete(name));
      this.cache.set(name, content);
    }
    return content;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const name = this.fileName(uri);
    if (name === undefined) {
      return { type: vscode.FileType.Directory, ctime: this.loaded, mtime: this.loaded, size: 0, permissions: vscode.FilePermission.Readonly };
    }
    const content = await this.content(name);
    return { type: vscode.FileType.File, ctime: this.loaded, mtime: this.loaded, size: content.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (this.fileName(uri) !== undefined) {
      throw vscode.FileSystemError.FileNotADirectory(uri);
    }
    return SCHEMA_FILES.map((name) => [name, vscode.FileType.File]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const name = this.fileName(uri);
    if (name === undefined) {
      throw vscode.FileSystemError.FileIsADirectory(uri);
    }
    return this.content(name);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(oldUri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

/** Registers the schema file system; cheap (no file is read until a schema is asked for). */
export function registerSchemaProvider(context: vscode.ExtensionContext): void {
  const fileSystem = new SchemaFileSystem(context.extensionUri);
  context.subscriptions.push(fileSystem, vscode.workspace.registerFileSystemProvider(SCHEMA_SCHEME, fileSystem, { isCaseSensitive: true, isReadonly: true }));
}
