import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { KNOWN_KEYS, KnownKey } from '../constants';
import { LambdaApiError } from '../errors';
import type { Fault, FaultController } from '../faults';
import { RecordedRequest, recordRequest, writeResponse } from '../server';
import { peekAuth, verifySigV4 } from '../sigv4';
import { Protocol, WireAnswer, apiError, authErrorFor, errorAnswer, headerOf, unknownOperationError } from './protocols';

/*
 * The request pipeline of the services beside Lambda: the same order as Lambda's (record,
 * signature for the service, fault, operation, answer), in each service's own protocol.
 */

/** A request the Lambda server handed over (its body already read). */
export interface ServiceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  rawUrl: string;
  rawPath: string;
  query: Record<string, string>;
  body: Buffer;
  overflow: boolean;
  requestId: string;
}

export type ServiceHandler = (r: ServiceRequest) => Promise<void>;

/** What server.ts asks: is this request for another service than Lambda? */
export interface ServiceRouter {
  route(headers: IncomingHttpHeaders, method: string, rawPath: string, body: Buffer): ServiceHandler | undefined;
}

/** One call of a known operation, after the signature check. */
export interface ServiceCall {
  operation: string;
  /** Decoded path parameters (REST operations). */
  params: string[];
  account: string;
  region: string;
  key: KnownKey;
  requestId: string;
  method: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The fault applied to this call, if any (event streams read cutStreamAfterMs). */
  fault?: Fault;
  res: ServerResponse;
}

/** An answer, or an event stream that writes the response itself and resolves when it ends. */
export type ServiceResult = WireAnswer | { stream: () => Promise<void> };

export interface ServiceDefinition {
  /** Service name of the SigV4 credential scope. */
  name: string;
  protocol: Protocol;
  /** The operation a request names, with its path parameters; undefined for an unknown one. */
  resolve(method: string, rawPath: string, headers: IncomingHttpHeaders, body: Buffer): { operation: string; params: string[] } | undefined;
  run(call: ServiceCall): Promise<ServiceResult> | ServiceResult;
  /** The answer to a `denied` fault: the service's permission error naming the action. */
  denied(call: ServiceCall): LambdaApiError;
  /** The answer to a `throttle` fault. */
  throttled(): LambdaApiError;
  /** The error name a `status` fault answers when it names none. */
  serverError: string;
}

export interface DispatchDeps {
  faults: FaultController;
  requests: RecordedRequest[];
  quiet: boolean;
}

function detail(method: string, rawPath: string, headers: IncomingHttpHeaders, body: Buffer): { target?: string; action?: string; method: string; path: string } {
  const action = /(?:^|&)Action=([^&]*)/.exec(body.toString('latin1'));
  return { target: headerOf(headers, 'x-amz-target'), action: action ? decodeURIComponent(action[1]) : undefined, method, path: rawPath };
}

/** Handles a request for `def`; `def` undefined is a service the emulator does not know. */
export async function serve(deps: DispatchDeps, def: ServiceDefinition | undefined, protocol: Protocol, r: ServiceRequest): Promise<void> {
  const { req, res, method, rawPath, body, requestId } = r;
  const peek = peekAuth(req.headers);
  const resolved = def?.resolve(method, rawPath, req.headers, body);
  const record: RecordedRequest = {
    time: new Date().toISOString(),
    method,
    path: rawPath,
    query: r.query,
    operation: resolved?.operation ?? 'Unknown',
    service: def?.name ?? peek.service ?? 'unknown',
    region: peek.region,
    accessKeyId: peek.accessKeyId,
    status: 0,
    requestId,
  };
  recordRequest(deps.requests, record);

  const send = async (a: WireAnswer, slowBodyMs?: number, errorType?: string): Promise<void> => {
    record.status = a.status;
    if (errorType) {
      record.errorType = errorType;
    }
    if (!deps.quiet) {
      console.log(`[lambda-emulator] ${record.time} ${record.service}:${record.operation} ${method} ${rawPath} ${record.region ?? '-'} ${record.accessKeyId ?? '-'} → ${a.status}${errorType ? ` ${errorType}` : ''}`);
    }
    await writeResponse(res, a.status, { 'x-amzn-RequestId': requestId, ...a.headers }, a.body, slowBodyMs);
  };
  const fail = (e: LambdaApiError, slowBodyMs?: number): Promise<void> => send(errorAnswer(protocol, e, requestId), slowBodyMs, e.errorType);

  if (!def) {
    await fail(unknownOperationError(protocol, detail(method, rawPath, req.headers, body)));
    return;
  }
  let auth: { account: string; region: string; key: KnownKey };
  try {
    auth = verifySigV4({ method, rawUrl: r.rawUrl, headers: req.headers, body }, KNOWN_KEYS, new Date(), def.name);
    record.account = auth.account;
  } catch (e) {
    await fail(e instanceof LambdaApiError ? authErrorFor(protocol, e) : apiError(def.serverError, 500, String(e)));
    return;
  }
  if (!resolved) {
    await fail(unknownOperationError(protocol, detail(method, rawPath, req.headers, body)));
    return;
  }
  const call: ServiceCall = {
    operation: resolved.operation,
    params: resolved.params,
    account: auth.account,
    region: auth.region,
    key: auth.key,
    requestId,
    method,
    query: r.query,
    headers: req.headers,
    body,
    res,
  };

  const { fault, dropped } = await deps.faults.begin(resolved.operation, record, req.socket);
  if (dropped) {
    return;
  }
  if (fault) {
    call.fault = fault;
    const injected = fault.denied
      ? def.denied(call)
      : fault.throttle
        ? def.throttled()
        : fault.status
          ? apiError(fault.error ?? def.serverError, fault.status, fault.message ?? `Injected fault: ${fault.error ?? def.serverError} (${fault.status})`)
          : undefined;
    if (injected) {
      await fail(injected, fault.slowBodyMs);
      return;
    }
  }
  if (r.overflow) {
    await fail(apiError('SerializationException', 413, `The request of ${resolved.operation} is too large`));
    return;
  }

  let result: ServiceResult;
  try {
    result = await def.run(call);
  } catch (e) {
    if (e instanceof LambdaApiError) {
      await fail(e, fault?.slowBodyMs);
      return;
    }
    if (!deps.quiet) {
      console.error('[lambda-emulator] internal error', e);
    }
    await fail(apiError(def.serverError, 500, (e as Error).message));
    return;
  }
  if ('stream' in result) {
    record.status = 200;
    if (!deps.quiet) {
      console.log(`[lambda-emulator] ${record.time} ${record.service}:${record.operation} ${method} ${rawPath} → 200 (event stream)`);
    }
    await result.stream();
    return;
  }
  await send(result, fault?.slowBodyMs);
}
