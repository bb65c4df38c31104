import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { LambdaApiError, serviceError, throttled, unknownOperation } from './errors';
import { type Fault, type FaultController, spoilsAnswer } from './faults';
import type { OpContext, OpResult, Operation } from './operations/context';
import * as esm from './operations/eventSourceMappings';
import * as eic from './operations/eventInvokeConfig';
import * as functions from './operations/functions';
import * as urls from './operations/functionUrls';
import { invoke } from './operations/invoke';
import { invokeWithResponseStream } from './operations/invokeStream';
import type { SandboxPool } from './runtime/sandbox';
import type { ServiceRouter } from './services';
import { PartialAuth, peekAuth, verifySigV4 } from './sigv4';
import { spoilAnswer, streamWriter } from './answer';
import type { EmulatorStore } from './store';

/** One request the emulator received. Never holds the signature or a secret. */
export interface RecordedRequest {
  /** ISO time the request arrived. */
  time: string;
  method: string;
  /** Path as sent (URL-encoded), without the query. */
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** SDK operation name (e.g. 'Invoke'), or 'Unknown'. */
  operation: string;
  /** Service of the request when it is not Lambda: 'logs', 'schemas', 'sts' (or an unknown one). */
  service?: string;
  /** Region of the signature's credential scope. */
  region?: string;
  accessKeyId?: string;
  /** Account the access key belongs to (when recognised). */
  account?: string;
  /** HTTP status answered; 0 while in progress or when the connection was dropped by a fault. */
  status: number;
  /** x-amzn-RequestId of the answer. */
  requestId: string;
  /** Name of the error answered, if any. */
  errorType?: string;
  /** Fault applied to this request, if any. */
  fault?: string;
}

interface Route {
  method: string;
  re: RegExp;
  operation: string;
  handler: Operation;
}

const SEG = '([^/]+)';
const route = (method: string, path: string, operation: string, handler: Operation): Route => ({
  method,
  re: new RegExp(`^${path.replace(/\{[^}]+\}/g, SEG)}/?$`),
  operation,
  handler,
});

/** The operations, with the SDK's REST paths and methods. */
export const ROUTES: readonly Route[] = [
  route('GET', '/2015-03-31/functions', 'ListFunctions', functions.listFunctions),
  route('GET', '/2015-03-31/functions/{FunctionName}', 'GetFunction', functions.getFunction),
  route('GET', '/2015-03-31/functions/{FunctionName}/configuration', 'GetFunctionConfiguration', functions.getFunctionConfiguration),
  route('GET', '/2015-03-31/functions/{FunctionName}/versions', 'ListVersionsByFunction', functions.listVersionsByFunction),
  route('POST', '/2015-03-31/functions/{FunctionName}/versions', 'PublishVersion', functions.publishVersion),
  route('GET', '/2015-03-31/functions/{FunctionName}/aliases', 'ListAliases', functions.listAliases),
  route('POST', '/2015-03-31/functions/{FunctionName}/aliases', 'CreateAlias', functions.createAlias),
  route('GET', '/2015-03-31/functions/{FunctionName}/aliases/{Name}', 'GetAlias', functions.getAlias),
  route('POST', '/2015-03-31/functions/{FunctionName}/invocations', 'Invoke', invoke),
  route('POST', '/2021-11-15/functions/{FunctionName}/response-streaming-invocations', 'InvokeWithResponseStream', invokeWithResponseStream),
  route('GET', '/2021-10-31/functions/{FunctionName}/url', 'GetFunctionUrlConfig', urls.getFunctionUrlConfig),
  route('GET', '/2021-10-31/functions/{FunctionName}/urls', 'ListFunctionUrlConfigs', urls.listFunctionUrlConfigs),
  route('GET', '/2019-09-25/functions/{FunctionName}/event-invoke-config/list', 'ListFunctionEventInvokeConfigs', eic.listFunctionEventInvokeConfigs),
  route('GET', '/2019-09-25/functions/{FunctionName}/event-invoke-config', 'GetFunctionEventInvokeConfig', eic.getFunctionEventInvokeConfig),
  route('PUT', '/2019-09-25/functions/{FunctionName}/event-invoke-config', 'PutFunctionEventInvokeConfig', eic.putFunctionEventInvokeConfig),
  route('POST', '/2019-09-25/functions/{FunctionName}/event-invoke-config', 'UpdateFunctionEventInvokeConfig', eic.updateFunctionEventInvokeConfig),
  route('DELETE', '/2019-09-25/functions/{FunctionName}/event-invoke-config', 'DeleteFunctionEventInvokeConfig', eic.deleteFunctionEventInvokeConfig),
  route('GET', '/2015-03-31/event-source-mappings', 'ListEventSourceMappings', esm.listEventSourceMappings),
  route('GET', '/2015-03-31/event-source-mappings/{UUID}', 'GetEventSourceMapping', esm.getEventSourceMapping),
  route('PUT', '/2015-03-31/event-source-mappings/{UUID}', 'UpdateEventSourceMapping', esm.updateEventSourceMapping),
];

export const OPERATIONS: readonly string[] = ROUTES.map((r) => r.operation);

/** The request record keeps about this many of the latest requests. */
const MAX_RECORDED = 100_000;

/** Bodies above this are not kept (every Lambda limit is far below it). */
const BODY_CAP = 16 * 1024 * 1024;

export interface ServerDeps {
  store: EmulatorStore;
  pool: SandboxPool;
  faults: FaultController;
  requests: RecordedRequest[];
  quiet: boolean;
  endpoint: () => string;
  random: () => number;
  control: (req: http.IncomingMessage, body: Buffer, url: URL) => Promise<OpResult>;
  /** CloudWatch Logs, EventBridge Schemas and STS on the same port, told apart by the signature's service. */
  services?: ServiceRouter;
}

/** Adds a request to the record, keeping about the latest MAX_RECORDED. */
export function recordRequest(requests: RecordedRequest[], record: RecordedRequest): void {
  requests.push(record);
  if (requests.length > MAX_RECORDED + 10_000) {
    requests.splice(0, requests.length - MAX_RECORDED);
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseQuery(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) {
    return out;
  }
  for (const part of raw.split('&')) {
    if (!part) {
      continue;
    }
    const eq = part.indexOf('=');
    out[decodeSegment(eq < 0 ? part : part.slice(0, eq))] = decodeSegment(eq < 0 ? '' : part.slice(eq + 1));
  }
  return out;
}

function readBody(req: http.IncomingMessage): Promise<{ body: Buffer; overflow: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_CAP) {
        overflow = true;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), overflow }));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function writeResponse(res: http.ServerResponse, status: number, headers: Record<string, string>, body: Buffer | undefined, slowBodyMs?: number, cutAt?: number): Promise<void> {
  const data = body ?? Buffer.alloc(0);
  const h: Record<string, string | number> = { ...headers };
  if (status !== 204) {
    h['Content-Length'] = data.length;
  }
  res.writeHead(status, h);
  if (cutAt !== undefined) {
    // The declared length never arrives: half the body, then the connection closes.
    res.write(data.subarray(0, cutAt), () => res.socket?.destroy());
    return;
  }
  if (!slowBodyMs || data.length === 0) {
    res.end(status === 204 ? undefined : data);
    return;
  }
  const pieces = Math.min(10, data.length);
  const size = Math.ceil(data.length / pieces);
  for (let i = 0; i < data.length; i += size) {
    if (res.destroyed) {
      return;
    }
    res.write(data.subarray(i, i + size));
    await sleep(slowBodyMs / pieces);
  }
  res.end();
}

function errorResponse(err: LambdaApiError): { status: number; headers: Record<string, string>; body: Buffer } {
  return {
    status: err.status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': err.errorType, ...err.extraHeaders },
    body: Buffer.from(JSON.stringify(err.body())),
  };
}

function faultError(fault: Fault): LambdaApiError | undefined {
  if (fault.throttle) {
    return throttled(fault.reason, fault.retryAfterSeconds ?? 1);
  }
  if (fault.status) {
    const name = fault.error ?? 'ServiceException';
    return new LambdaApiError(name, fault.status, fault.message ?? `Injected fault: ${name} (${fault.status})`);
  }
  return undefined;
}

export function createLambdaServer(deps: ServerDeps): http.Server {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!deps.quiet) {
        console.error('[lambda-emulator] internal error', e);
      }
      if (!res.headersSent) {
        const r = errorResponse(serviceError());
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      }
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // Long invocations (up to 15 minutes) must not be cut by the server.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
    const { body, overflow } = await readBody(req);
    const requestId = randomUUID();

    if (rawPath.startsWith('/__emulator/') || rawPath === '/__emulator') {
      let result: OpResult;
      try {
        result = await deps.control(req, body, new URL(rawUrl, 'http://localhost'));
      } catch (e) {
        const status = e instanceof LambdaApiError ? e.status : 400;
        result = { status, body: { message: (e as Error).message } };
      }
      const payload = result.body === undefined ? undefined : Buffer.isBuffer(result.body) ? result.body : Buffer.from(JSON.stringify(result.body, null, 2));
      await writeResponse(res, result.status, { 'Content-Type': 'application/json', ...(result.headers ?? {}) }, payload);
      return;
    }

    const service = deps.services?.route(req.headers, method, rawPath, body);
    if (service) {
      await service({ req, res, method, rawUrl, rawPath, query: parseQuery(rawQuery), body, overflow, requestId });
      return;
    }

    let matched: { route: Route; params: string[] } | undefined;
    for (const r of ROUTES) {
      if (r.method !== method) {
        continue;
      }
      const m = r.re.exec(rawPath);
      if (m) {
        matched = { route: r, params: m.slice(1).map(decodeSegment) };
        break;
      }
    }
    const record: RecordedRequest = {
      time: new Date().toISOString(),
      method,
      path: rawPath,
      query: parseQuery(rawQuery),
      operation: matched?.route.operation ?? 'Unknown',
      status: 0,
      requestId,
    };
    const peek: PartialAuth = peekAuth(req.headers);
    record.region = peek.region;
    record.accessKeyId = peek.accessKeyId;
    recordRequest(deps.requests, record);

    const finish = async (status: number, headers: Record<string, string>, payload: Buffer | undefined, slowBodyMs?: number, errorType?: string, cutAt?: number): Promise<void> => {
      record.status = status;
      if (errorType) {
        record.errorType = errorType;
      }
      if (!deps.quiet) {
        console.log(`[lambda-emulator] ${record.time} ${record.operation} ${method} ${rawPath} ${record.region ?? '-'} ${record.accessKeyId ?? '-'} → ${status}${errorType ? ` ${errorType}` : ''}`);
      }
      await writeResponse(res, status, { 'x-amzn-RequestId': requestId, ...headers }, payload, slowBodyMs, cutAt);
    };
    const fail = (err: LambdaApiError, slowBodyMs?: number): Promise<void> => {
      const r = errorResponse(err);
      return finish(r.status, r.headers, r.body, slowBodyMs, err.errorType);
    };

    if (!matched) {
      await fail(unknownOperation(method, rawPath));
      return;
    }

    let account: string;
    let region: string;
    try {
      const auth = verifySigV4({ method, rawUrl, headers: req.headers, body });
      account = auth.account;
      region = auth.region;
      record.account = account;
    } catch (e) {
      await fail(e instanceof LambdaApiError ? e : serviceError(String(e)));
      return;
    }

    const { fault, dropped } = await deps.faults.begin(matched.route.operation, record, req.socket);
    if (dropped) {
      return;
    }
    if (fault) {
      const injected = faultError(fault);
      if (injected) {
        await fail(injected, fault.slowBodyMs);
        return;
      }
    }

    if (overflow) {
      await fail(new LambdaApiError('RequestTooLargeException', 413, `Request must be smaller than ${BODY_CAP} bytes for the ${matched.route.operation} operation`));
      return;
    }

    const ctx: OpContext = {
      store: deps.store,
      pool: deps.pool,
      account,
      region,
      params: matched.params,
      query: record.query,
      headers: req.headers,
      body,
      requestId,
      endpoint: deps.endpoint(),
      random: deps.random,
    };
    let result: OpResult;
    try {
      result = await matched.route.handler(ctx);
    } catch (e) {
      if (e instanceof LambdaApiError) {
        await fail(e, fault?.slowBodyMs);
        return;
      }
      if (!deps.quiet) {
        console.error('[lambda-emulator] internal error', e);
      }
      await fail(serviceError((e as Error).message));
      return;
    }
    let payload: Buffer | undefined;
    let headers: Record<string, string> = { ...(result.headers ?? {}) };
    if (result.stream) {
      // A streamed answer (InvokeWithResponseStream): the head now, the body as it is written.
      const head = fault?.contentType !== undefined ? { ...headers, 'Content-Type': fault.contentType } : headers;
      record.status = result.status;
      if (!deps.quiet) {
        console.log(`[lambda-emulator] ${record.time} ${record.operation} ${method} ${rawPath} ${record.region ?? '-'} ${record.accessKeyId ?? '-'} → ${result.status} (stream)`);
      }
      res.writeHead(result.status, { 'x-amzn-RequestId': requestId, ...head });
      res.flushHeaders();
      const out = streamWriter(res, fault);
      await result.stream(out);
      out.end();
      return;
    }
    if (Buffer.isBuffer(result.body)) {
      payload = result.body;
      headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
    } else if (result.body !== undefined) {
      payload = Buffer.from(JSON.stringify(result.body));
      headers['Content-Type'] = 'application/json';
    }
    let cutAt: number | undefined;
    if (fault && spoilsAnswer(fault)) {
      ({ headers, payload, cutAt } = spoilAnswer(fault, result.status, { headers, payload }, !Buffer.isBuffer(result.body)));
    }
    await finish(result.status, headers, payload, fault?.slowBodyMs, undefined, cutAt);
  }

  // Make close() immediate: destroy idle keep-alive sockets too.
  const close = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => {
    close(cb);
    for (const s of sockets) {
      s.destroy();
    }
    return server;
  }) as typeof server.close;
  return server;
}
