/**
 * The extension's data layer for Lambda: every call the views and commands make.
 * Uses the SDK's paginators, retries and abort signals; never imports vscode.
 */
import {
  AliasConfiguration,
  EventSourceMappingConfiguration,
  FunctionConfiguration,
  FunctionEventInvokeConfig,
  GetEventSourceMappingCommand,
  GetFunctionConfigurationCommand,
  GetFunctionEventInvokeConfigCommand,
  GetFunctionUrlConfigCommand,
  InvocationType,
  InvokeCommand,
  InvokeCommandOutput,
  LambdaClient,
  paginateListAliases,
  paginateListEventSourceMappings,
  paginateListFunctionEventInvokeConfigs,
  paginateListFunctions,
  paginateListVersionsByFunction,
  PutFunctionEventInvokeConfigCommand,
  PutFunctionEventInvokeConfigCommandInput,
  UpdateEventSourceMappingCommand,
  UpdateEventSourceMappingCommandInput,
  UpdateFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommandInput,
} from '@aws-sdk/client-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import { unreadableAnswer, type UnreadableAnswer } from '../shared/awsErrors';
import { isTransitionalState } from '../shared/mappingStates';
import { InvokeModeCache, invokeWithResponseStream, type InvokeMode, type InvokeStreamRequest, type InvokeStreamResponse } from './invokeStream';
import { ClientCache, ConnectionOptions } from './clients';

export interface Page<T> {
  items: T[];
  /** Marker of the next page; undefined on the last page. */
  nextMarker?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface SettleOptions {
  /** Between polls; default 1 s. */
  intervalMs?: number;
  /** Stop polling after this long; default 2 min. */
  timeoutMs?: number;
  onState?: (state: string) => void;
}


export interface InvokeRequest {
  functionName: string;
  qualifier?: string;
  invocationType?: InvocationType;
  payload?: Uint8Array;
  /** Base64 of a JSON object (at most 3,583 bytes); synchronous invocations only. */
  clientContext?: string;
  logType?: 'Tail' | 'None';
  /** For functions with tenant isolation (`X-Amz-Tenant-Id`). */
  tenantId?: string;
  /** For durable functions: the name of the execution to start. */
  durableExecutionName?: string;
}

/** A function URL, as far as the views show it. */
export interface FunctionUrlSummary {
  FunctionUrl?: string;
  /** `BUFFERED` or `RESPONSE_STREAM`. */
  InvokeMode?: string;
  AuthType?: string;
}

export type InvokeResponse = Pick<InvokeCommandOutput, 'StatusCode' | 'FunctionError' | 'LogResult' | 'ExecutedVersion' | 'Payload' | 'DurableExecutionArn'> & { requestId?: string };

async function firstPage<P, T>(pages: AsyncIterable<P>, items: (p: P) => T[] | undefined, marker: (p: P) => string | undefined, signal?: AbortSignal): Promise<Page<T>> {
  for await (const page of pages) {
    signal?.throwIfAborted();
    return { items: items(page) ?? [], nextMarker: marker(page) || undefined };
  }
  return { items: [] };
}

async function all<P, T>(pages: AsyncIterable<P>, items: (p: P) => T[] | undefined, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) {
    signal?.throwIfAborted();
    out.push(...(items(page) ?? []));
  }
  return out;
}

export class LambdaService {
  private readonly invokeModes = new InvokeModeCache();

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly clients: ClientCache = new ClientCache(),
  ) {}

  get region(): string {
    return this.connection.region;
  }

  get client(): LambdaClient {
    return this.clients.get(this.connection);
  }

  private opts(o?: CallOptions): { abortSignal?: AbortSignal } {
    return o?.signal ? { abortSignal: o.signal } : {};
  }

  /** One page of functions, starting at `marker` (the SDK paginator, first page only). */
  listFunctionsPage(marker?: string, pageSize = 50, o?: CallOptions): Promise<Page<FunctionConfiguration>> {
    const pages = paginateListFunctions({ client: this.client, pageSize, startingToken: marker }, {}, this.opts(o));
    return firstPage(pages, (p) => p.Functions, (p) => p.NextMarker, o?.signal);
  }

  /** Every function of the region, through every page. `onPage` reports progress. */
  async listAllFunctions(o?: CallOptions & { onPage?: (count: number) => void }): Promise<FunctionConfiguration[]> {
    const out: FunctionConfiguration[] = [];
    for await (const page of paginateListFunctions({ client: this.client, pageSize: 50 }, {}, this.opts(o))) {
      o?.signal?.throwIfAborted();
      out.push(...(page.Functions ?? []));
      o?.onPage?.(out.length);
    }
    return out;
  }

  getFunctionConfiguration(functionName: string, qualifier?: string, o?: CallOptions): Promise<FunctionConfiguration> {
    return this.client.send(new GetFunctionConfigurationCommand({ FunctionName: functionName, Qualifier: qualifier }), this.opts(o));
  }

  /** Published versions (without `$LATEST`). */
  async listVersions(functionName: string, o?: CallOptions): Promise<FunctionConfiguration[]> {
    const versions = await all(paginateListVersionsByFunction({ client: this.client, pageSize: 50 }, { FunctionName: functionName }, this.opts(o)), (p) => p.Versions, o?.signal);
    return versions.filter((v) => v.Version !== '$LATEST');
  }

  listAliases(functionName: string, o?: CallOptions): Promise<AliasConfiguration[]> {
    return all(paginateListAliases({ client: this.client, pageSize: 50 }, { FunctionName: functionName }, this.opts(o)), (p) => p.Aliases, o?.signal);
  }

  listEventInvokeConfigs(functionName: string, o?: CallOptions): Promise<FunctionEventInvokeConfig[]> {
    return all(paginateListFunctionEventInvokeConfigs({ client: this.client, pageSize: 50 }, { FunctionName: functionName }, this.opts(o)), (p) => p.FunctionEventInvokeConfigs, o?.signal);
  }

  /** The event invoke config of a function or qualifier, or undefined when it has none. */
  async getEventInvokeConfig(functionName: string, qualifier?: string, o?: CallOptions): Promise<FunctionEventInvokeConfig | undefined> {
    try {
      return await this.client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: functionName, Qualifier: qualifier }), this.opts(o));
    } catch (err) {
      if ((err as { name?: string }).name === 'ResourceNotFoundException' && /config/i.test((err as Error).message)) {
        return undefined;
      }
      throw err;
    }
  }

  /** The function URL of a function or alias, or undefined when it has none. */
  async getFunctionUrlConfig(functionName: string, qualifier?: string, o?: CallOptions): Promise<FunctionUrlSummary | undefined> {
    try {
      const out = await this.client.send(new GetFunctionUrlConfigCommand({ FunctionName: functionName, Qualifier: qualifier }), this.opts(o));
      return { FunctionUrl: out.FunctionUrl, InvokeMode: out.InvokeMode, AuthType: out.AuthType };
    } catch (err) {
      if ((err as { name?: string }).name === 'ResourceNotFoundException') {
        return undefined;
      }
      throw err;
    }
  }

  putEventInvokeConfig(input: PutFunctionEventInvokeConfigCommandInput, o?: CallOptions): Promise<FunctionEventInvokeConfig> {
    return this.client.send(new PutFunctionEventInvokeConfigCommand(input), this.opts(o));
  }

  updateEventInvokeConfig(input: UpdateFunctionEventInvokeConfigCommandInput, o?: CallOptions): Promise<FunctionEventInvokeConfig> {
    return this.client.send(new UpdateFunctionEventInvokeConfigCommand(input), this.opts(o));
  }

  /** One page of event source mappings (at most 100), optionally of one function or source. */
  listEventSourceMappingsPage(filter: { functionName?: string; eventSourceArn?: string } = {}, marker?: string, pageSize = 100, o?: CallOptions): Promise<Page<EventSourceMappingConfiguration>> {
    const pages = paginateListEventSourceMappings(
      { client: this.client, pageSize, startingToken: marker },
      { FunctionName: filter.functionName, EventSourceArn: filter.eventSourceArn },
      this.opts(o),
    );
    return firstPage(pages, (p) => p.EventSourceMappings, (p) => p.NextMarker, o?.signal);
  }

  listAllEventSourceMappings(filter: { functionName?: string; eventSourceArn?: string } = {}, o?: CallOptions): Promise<EventSourceMappingConfiguration[]> {
    return all(
      paginateListEventSourceMappings({ client: this.client, pageSize: 100 }, { FunctionName: filter.functionName, EventSourceArn: filter.eventSourceArn }, this.opts(o)),
      (p) => p.EventSourceMappings,
      o?.signal,
    );
  }

  getEventSourceMapping(uuid: string, o?: CallOptions): Promise<EventSourceMappingConfiguration> {
    return this.client.send(new GetEventSourceMappingCommand({ UUID: uuid }), this.opts(o));
  }

  updateEventSourceMapping(input: UpdateEventSourceMappingCommandInput, o?: CallOptions): Promise<EventSourceMappingConfiguration> {
    return this.client.send(new UpdateEventSourceMappingCommand(input), this.opts(o));
  }

  /**
   * Polls until the mapping leaves the transitional states (Creating, Enabling, Disabling,
   * Updating, Deleting), or the timeout passes. The wait between polls listens to the signal
   * only while it waits (no listener is left behind, however many polls).
   */
  async waitForMappingToSettle(uuid: string, o?: CallOptions & SettleOptions): Promise<EventSourceMappingConfiguration> {
    const interval = o?.intervalMs ?? 1000;
    const deadline = Date.now() + (o?.timeoutMs ?? 120_000);
    for (;;) {
      const m = await this.getEventSourceMapping(uuid, o);
      o?.onState?.(m.State ?? '');
      if (!isTransitionalState(m.State) || Date.now() > deadline) {
        return m;
      }
      await sleep(interval, undefined, o?.signal ? { signal: o.signal } : undefined);
    }
  }

  /**
   * UpdateEventSourceMapping, then the wait until the mapping settles: `onState` hears the
   * state the update answered, then each state seen. The signal stops the wait only: once
   * confirmed, the update itself is always sent whole (aborting it half-way would leave the
   * mapping in a state nobody knows). `settled` is undefined when the wait was stopped.
   * When the endpoint accepted the update (2xx) but its answer could not be read, the mapping
   * is read again and the wait goes on from there: `unreadableAnswer` says what came back.
   */
  async updateEventSourceMappingAndWait(
    input: UpdateEventSourceMappingCommandInput,
    o?: CallOptions & SettleOptions,
  ): Promise<{ updated: EventSourceMappingConfiguration; settled?: EventSourceMappingConfiguration; unreadableAnswer?: UnreadableAnswer }> {
    let updated: EventSourceMappingConfiguration;
    let unreadable: UnreadableAnswer | undefined;
    try {
      updated = await this.updateEventSourceMapping(input);
    } catch (err) {
      unreadable = unreadableAnswer(err);
      if (!unreadable) {
        throw err;
      }
      try {
        updated = await this.getEventSourceMapping(input.UUID ?? '');
      } catch {
        // What it is now cannot be read either: the accepted update is what to tell.
        throw err;
      }
    }
    const more = unreadable ? { unreadableAnswer: unreadable } : {};
    o?.onState?.(updated.State ?? '');
    if (!isTransitionalState(updated.State) && updated.State !== undefined) {
      return { updated, settled: updated, ...more };
    }
    try {
      return { updated, settled: await this.waitForMappingToSettle(input.UUID ?? '', o), ...more };
    } catch (err) {
      if (o?.signal?.aborted) {
        return { updated, ...more };
      }
      throw err;
    }
  }

  async invoke(req: InvokeRequest, o?: CallOptions): Promise<InvokeResponse> {
    const type = req.invocationType ?? 'RequestResponse';
    const out = await this.client.send(
      new InvokeCommand({
        FunctionName: req.functionName,
        Qualifier: req.qualifier,
        InvocationType: type,
        Payload: req.payload,
        ClientContext: type === 'RequestResponse' ? req.clientContext : undefined,
        LogType: type === 'RequestResponse' ? (req.logType ?? 'Tail') : undefined,
        TenantId: req.tenantId,
        DurableExecutionName: req.durableExecutionName,
      }),
      this.opts(o),
    );
    return {
      StatusCode: out.StatusCode,
      FunctionError: out.FunctionError,
      LogResult: out.LogResult,
      ExecutedVersion: out.ExecutedVersion,
      Payload: out.Payload,
      DurableExecutionArn: out.DurableExecutionArn,
      requestId: out.$metadata.requestId,
    };
  }

  /** InvokeWithResponseStream: the head of the answer, then its events as they come (src/aws/invokeStream.ts). */
  invokeStream(req: InvokeStreamRequest, o?: CallOptions): Promise<InvokeStreamResponse> {
    return invokeWithResponseStream(this.client, req, o?.signal);
  }

  /** The InvokeMode of the target's function URL (undefined: none), asked once and kept a few minutes. */
  invokeMode(functionName: string, qualifier?: string, o?: CallOptions): Promise<InvokeMode | undefined> {
    return this.invokeModes.get(this.client, functionName, qualifier, o?.signal);
  }
}

/** What the views read from Lambda: tree nodes take this, so a test can hand them another. */
export type LambdaReader = Pick<
  LambdaService,
  'listFunctionsPage' | 'getFunctionConfiguration' | 'getFunctionUrlConfig' | 'listVersions' | 'listAliases' | 'listEventInvokeConfigs' | 'getEventInvokeConfig' | 'listEventSourceMappingsPage' | 'getEventSourceMapping'
>;
