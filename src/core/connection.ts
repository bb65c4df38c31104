import * as vscode from 'vscode';
import type { ClientCache, LambdaService, LogsService, SchemaService } from '../aws';
import { customEndpointInUse, needsInsecureEndpointWarning } from '../shared/endpoint';
import { COMMANDS, CONTEXT_KEYS, OTHER_IDS, SETTINGS, SETTINGS_SECTION, settingId } from '../shared/ids';
import { resolveConnectionSettings } from '../shared/settingsPolicy';
import { loadAws } from './lazy';
import { log } from './log';
import { showWarning } from './notify';

export interface ConnectionSettings {
  profile?: string;
  regions: string[];
  endpoint?: string;
}

export const DEFAULT_REGION = 'us-east-1';

/** How long the account may take to read before a question goes on without it. */
const ACCOUNT_TIMEOUT_MS = 10_000;

/**
 * Reads the settings. In an untrusted workspace the workspace's own value of a setting that
 * decides where signed requests go is ignored (only user settings and defaults count); the
 * endpoint is an application setting, never taken from a workspace. The decision is
 * `resolveConnectionSettings` (src/shared/settingsPolicy.ts).
 */
export function readConnectionSettings(): ConnectionSettings {
  const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const values = <T>(key: string) => {
    const i = cfg.inspect<T>(key);
    return { value: cfg.get<T>(key), globalValue: i?.globalValue, defaultValue: i?.defaultValue };
  };
  return resolveConnectionSettings(
    { profile: values<string>(SETTINGS.profile), regions: values<unknown>(SETTINGS.regions), endpoint: values<string>(SETTINGS.endpoint) },
    vscode.workspace.isTrusted,
  );
}

/**
 * The current profile, regions and endpoint, the status-bar item that shows them, and one
 * LambdaService per shown region (the SDK is loaded on the first call to `service`).
 */
export class Connection implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly successEmitter = new vscode.EventEmitter<void>();
  /** A call on this connection got an answer it could read (at most once per turn of the event loop). */
  readonly onDidSucceed = this.successEmitter.event;
  private successPending = false;
  private readonly statusBar: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private settings: ConnectionSettings;
  private resolvedRegions: string[] | undefined;
  private services = new Map<string, LambdaService>();
  private logsServices = new Map<string, LogsService>();
  private clients: ClientCache | undefined;
  private warnedEndpoint: string | undefined;
  /** Bumped by reload(): an account read for older settings is dropped. */
  private generation = 0;
  private accountRead: Promise<string | undefined> | undefined;
  private accountId: string | undefined;

  constructor() {
    this.settings = readConnectionSettings();
    this.statusBar = vscode.window.createStatusBarItem(OTHER_IDS.statusBar, vscode.StatusBarAlignment.Left, 50);
    this.statusBar.name = vscode.l10n.t('Lambda Workbench Connection');
    this.statusBar.command = COMMANDS.switchConnection;
    this.updateStatusBar();
    this.updateContext();
    this.statusBar.show();
    this.disposables.push(
      this.statusBar,
      this.emitter,
      this.successEmitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if ([SETTINGS.profile, SETTINGS.regions, SETTINGS.endpoint].some((key) => e.affectsConfiguration(settingId(key)))) {
          this.reload();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
    );
  }

  get profile(): string | undefined {
    return this.settings.profile;
  }

  get endpoint(): string | undefined {
    return this.settings.endpoint;
  }

  /** The custom endpoint requests go to (the setting, or the SDK's environment variables); undefined for AWS itself. */
  get customEndpoint(): string | undefined {
    return customEndpointInUse(this.settings.endpoint, process.env);
  }

  /** Menus hide what only AWS has (the console) while a custom endpoint is in use. */
  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.customEndpoint, this.customEndpoint !== undefined);
  }

  /** Re-reads the settings, drops the clients and tells the views. */
  reload(): void {
    this.settings = readConnectionSettings();
    this.resolvedRegions = undefined;
    this.services.clear();
    this.logsServices.clear();
    this.clients?.clear();
    this.clients = undefined;
    this.generation++;
    this.accountRead = undefined;
    this.accountId = undefined;
    this.updateStatusBar();
    this.updateContext();
    this.emitter.fire();
  }

  /** What the status bar's tooltip says (for tests). */
  get statusBarTooltip(): string {
    return typeof this.statusBar.tooltip === 'string' ? this.statusBar.tooltip : (this.statusBar.tooltip?.value ?? '');
  }

  /** The account id, once it has been read (see account()). */
  get knownAccount(): string | undefined {
    return this.accountId;
  }

  /**
   * The account the credentials belong to (STS GetCallerIdentity), read once per connection on
   * first use and cached; undefined when it cannot be read (the reason goes to the log).
   */
  account(): Promise<string | undefined> {
    if (!this.accountRead) {
      const generation = this.generation;
      const settings = this.settings;
      this.accountRead = (async () => {
        try {
          const region = (await this.regions())[0] ?? DEFAULT_REGION;
          const id = await loadAws().callerIdentity({ profile: settings.profile, region, endpoint: settings.endpoint }, AbortSignal.timeout(ACCOUNT_TIMEOUT_MS));
          if (generation === this.generation) {
            this.accountId = id.account;
            this.updateStatusBar();
          }
          return id.account;
        } catch (err) {
          log().warn(`Could not read the account of profile ${settings.profile ?? '(default chain)'} (STS GetCallerIdentity): ${(err as Error).name}: ${(err as Error).message}`);
          return undefined;
        }
      })();
    }
    return this.accountRead;
  }

  /** Who a change is made as, for the questions before one: "Account 111111111111 (profile demo)". */
  async signer(): Promise<string> {
    const profile = this.settings.profile ?? vscode.l10n.t('default credentials');
    const account = await this.account();
    return account ? vscode.l10n.t('Account {0} (profile {1})', account, profile) : vscode.l10n.t('Profile {0} (account unknown)', profile);
  }

  /** The regions to show: the setting, else the profile's region, else us-east-1. */
  async regions(): Promise<string[]> {
    if (!this.resolvedRegions) {
      if (this.settings.regions.length > 0) {
        this.resolvedRegions = [...this.settings.regions];
      } else {
        let region: string | undefined;
        try {
          region = await loadAws().defaultRegion(this.settings.profile);
        } catch (err) {
          log().warn(`Could not read the region of the profile: ${(err as Error).message}`);
        }
        this.resolvedRegions = [region ?? DEFAULT_REGION];
      }
      this.updateStatusBar();
    }
    return this.resolvedRegions;
  }

  service(region: string): LambdaService {
    return this.perRegion(this.services, region, (aws, clients) => {
      log().info(`Connection: profile=${this.settings.profile ?? '(default chain)'} region=${region} endpoint=${this.settings.endpoint ?? '(SDK default)'}`);
      return new aws.LambdaService(this.options(region), clients);
    });
  }

  /** CloudWatch Logs in a region, on the same connection (profile, endpoint) as Lambda. */
  logs(region: string): LogsService {
    return this.perRegion(this.logsServices, region, (aws, clients) => new aws.LogsService(this.options(region), clients));
  }

  private options(region: string): { profile?: string; region: string; endpoint?: string } {
    return { profile: this.settings.profile, region, endpoint: this.settings.endpoint };
  }

  /** The service of a region, made on first use (the SDK is loaded then) on the shared clients. */
  private perRegion<S>(services: Map<string, S>, region: string, make: (aws: ReturnType<typeof loadAws>, clients: ClientCache) => S): S {
    let s = services.get(region);
    if (!s) {
      this.checkEndpoint();
      const aws = loadAws();
      this.clients ??= new aws.ClientCache({ onSuccess: () => this.succeeded() });
      s = make(aws, this.clients);
      services.set(region, s);
      // The account for the status bar's tooltip, read in the background on the first AWS use.
      void this.account();
    }
    return s;
  }

  /** EventBridge Schemas (the shareable test events) of a region, on the same profile and endpoint. */
  schemas(region: string): SchemaService {
    this.checkEndpoint();
    const aws = loadAws();
    this.clients ??= new aws.ClientCache({ onSuccess: () => this.succeeded() });
    return new aws.SchemaService(this.clients.schemas({ profile: this.settings.profile, region, endpoint: this.settings.endpoint }, aws.createSchemasClient));
  }

  private succeeded(): void {
    if (!this.successPending) {
      this.successPending = true;
      setTimeout(() => {
        this.successPending = false;
        this.successEmitter.fire();
      }, 0);
    }
  }

  private checkEndpoint(): void {
    const endpoint = this.settings.endpoint;
    if (!endpoint || this.warnedEndpoint === endpoint) {
      return;
    }
    this.warnedEndpoint = endpoint;
    if (needsInsecureEndpointWarning(endpoint)) {
      const msg = vscode.l10n.t('The Lambda endpoint {0} is not HTTPS and not on this machine: requests and their payloads travel unencrypted.', endpoint);
      log().warn(msg);
      showWarning(msg);
    }
  }

  private updateStatusBar(): void {
    const profile = this.settings.profile ?? vscode.l10n.t('default credentials');
    const regions = this.resolvedRegions ?? (this.settings.regions.length ? this.settings.regions : undefined);
    const regionText = regions ? regions.join(', ') : vscode.l10n.t('default region');
    this.statusBar.text = `$(cloud) ${profile} · ${regionText}`;
    const lines = [
      vscode.l10n.t('Lambda Workbench — click to switch profile or regions'),
      vscode.l10n.t('Profile: {0}', profile),
      ...(this.accountId ? [vscode.l10n.t('Account: {0}', this.accountId)] : []),
      vscode.l10n.t('Regions: {0}', regionText),
    ];
    if (this.settings.endpoint) {
      lines.push(vscode.l10n.t('Endpoint: {0}', this.settings.endpoint));
    }
    this.statusBar.tooltip = lines.join('\n');
  }

  dispose(): void {
    this.clients?.clear();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
