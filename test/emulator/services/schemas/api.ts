import type { ServiceCall, ServiceDefinition, ServiceResult } from '../dispatch';
import { notAuthorizedMessage } from '../identity';
import { JsonInput, pageByOffset } from '../input';
import { apiError, restAnswer } from '../protocols';
import { Json, discoverOpenApi } from './discover';
import type { RegistryRecord, SchemaRecord, SchemaRegistryStore, SchemaType, SchemaVersionRecord } from './registry';

/*
 * EventBridge Schemas (REST-JSON, paths and methods of @aws-sdk/client-schemas): registries,
 * schemas and their versions, and GetDiscoveredSchema. Errors carry `x-amzn-ErrorType` and
 * {"Code","Message"}.
 */

const NAME = /^[A-Za-z0-9\-_.@]+$/;
const TYPES: readonly SchemaType[] = ['OpenApi3', 'JSONSchemaDraft4'];
const PAGE = 100;

const badRequest = (message: string) => apiError('BadRequestException', 400, message);
const notFound = (message: string) => apiError('NotFoundException', 404, message);
const conflict = (message: string) => apiError('ConflictException', 409, message);
const invalidToken = (): never => {
  throw badRequest('The NextToken is not valid.');
};

/** Timestamps as the service writes them: ISO 8601 to the second. */
const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const registryArn = (r: RegistryRecord): string => `arn:aws:schemas:${r.region}:${r.account}:registry/${r.name}`;
const schemaArn = (r: RegistryRecord, schemaName: string): string => `arn:aws:schemas:${r.region}:${r.account}:schema/${r.name}/${schemaName}`;

function checkName(kind: 'RegistryName' | 'SchemaName', value: string, max: number): void {
  if (value.length < 1 || value.length > max || !NAME.test(value)) {
    throw badRequest(`${kind} '${value}' is not valid: it must be 1 to ${max} characters of letters, digits, '-', '_', '.' and '@'.`);
  }
}

/** Checks a schema document of a type; answers BadRequestException as the service does for bad content. */
export function checkContent(type: SchemaType, content: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    throw badRequest(`Invalid schema content: the content is not valid JSON (${(e as Error).message}).`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw badRequest('Invalid schema content: the content must be a JSON object.');
  }
  if (type === 'OpenApi3') {
    const d = doc as { openapi?: unknown; components?: { schemas?: unknown } };
    if (typeof d.openapi !== 'string' || !d.openapi.startsWith('3.')) {
      throw badRequest("Invalid OpenApi3 schema content: the 'openapi' field must name version 3.x.");
    }
    if (typeof d.components?.schemas !== 'object' || d.components.schemas === null) {
      throw badRequest("Invalid OpenApi3 schema content: 'components.schemas' must be an object.");
    }
  }
}

function typeOf(input: JsonInput, required: boolean): SchemaType | undefined {
  const t = input.string('Type');
  if (t === undefined) {
    if (required) {
      throw badRequest('Type is required: OpenApi3 or JSONSchemaDraft4.');
    }
    return undefined;
  }
  if (!(TYPES as readonly string[]).includes(t)) {
    throw badRequest(`Type '${t}' is not valid: OpenApi3 or JSONSchemaDraft4.`);
  }
  return t as SchemaType;
}

function tagsOf(input: JsonInput): Record<string, string> {
  const raw = input.raw('tags');
  if (raw === undefined || raw === null) {
    return {};
  }
  if (typeof raw !== 'object' || Array.isArray(raw) || Object.values(raw).some((v) => typeof v !== 'string')) {
    throw badRequest('tags must be a map of strings.');
  }
  return raw as Record<string, string>;
}

function versionBody(r: RegistryRecord, s: SchemaRecord, v: SchemaVersionRecord, withContent: boolean): Record<string, unknown> {
  return {
    ...(withContent ? { Content: v.content } : {}),
    ...(s.description !== undefined ? { Description: s.description } : {}),
    LastModified: iso(s.lastModified),
    SchemaArn: schemaArn(r, s.name),
    SchemaName: s.name,
    SchemaVersion: v.version,
    tags: s.tags,
    Type: v.type,
    VersionCreatedDate: iso(v.created),
  };
}

const registryBody = (r: RegistryRecord): Record<string, unknown> => ({
  ...(r.description !== undefined ? { Description: r.description } : {}),
  RegistryArn: registryArn(r),
  RegistryName: r.name,
  tags: r.tags,
});

interface Ctx {
  store: SchemaRegistryStore;
  call: ServiceCall;
  input: () => JsonInput;
}

function registryOf(ctx: Ctx): RegistryRecord {
  const name = ctx.call.params[0];
  const r = ctx.store.getRegistry(ctx.call.account, ctx.call.region, name);
  if (!r) {
    throw notFound(`Registry with name ${name} does not exist.`);
  }
  return r;
}

function schemaOf(ctx: Ctx): { r: RegistryRecord; s: SchemaRecord } {
  const r = registryOf(ctx);
  const name = ctx.call.params[1];
  const s = r.schemas.get(name);
  if (!s) {
    throw notFound(`Schema with name ${name} does not exist in registry ${r.name}.`);
  }
  return { r, s };
}

type Handler = (ctx: Ctx) => ServiceResult;

const describeRegistry: Handler = (ctx) => restAnswer(200, registryBody(registryOf(ctx)));

const createRegistry: Handler = (ctx) => {
  const [name] = ctx.call.params;
  checkName('RegistryName', name, 64);
  const input = ctx.input();
  const r = ctx.store.createRegistry(ctx.call.account, ctx.call.region, name, input.string('Description', { max: 256 }), tagsOf(input));
  if (!r) {
    throw conflict(`Registry with name ${name} already exists.`);
  }
  return restAnswer(201, registryBody(r));
};

const deleteRegistry: Handler = (ctx) => {
  const r = registryOf(ctx);
  ctx.store.deleteRegistry(r.account, r.region, r.name);
  return restAnswer(204);
};

const listRegistries: Handler = (ctx) => {
  const { query } = ctx.call;
  const prefix = query.registryNamePrefix;
  const all = ctx.store.listRegistries(ctx.call.account, ctx.call.region).filter((r) => prefix === undefined || r.name.startsWith(prefix));
  const page = pageByOffset(all, query.nextToken, Math.min(Number(query.limit) || PAGE, PAGE), invalidToken);
  return restAnswer(200, { Registries: page.items.map((r) => ({ RegistryArn: registryArn(r), RegistryName: r.name, tags: r.tags })), ...(page.nextToken ? { NextToken: page.nextToken } : {}) });
};

const createSchema: Handler = (ctx) => {
  const r = registryOf(ctx);
  const name = ctx.call.params[1];
  checkName('SchemaName', name, 385);
  const input = ctx.input();
  const type = typeOf(input, true)!;
  const content = input.string('Content');
  if (content === undefined || content === '') {
    throw badRequest('Content is required.');
  }
  if (r.schemas.has(name)) {
    throw conflict(`Schema with name ${name} already exists.`);
  }
  checkContent(type, content);
  const s = ctx.store.createSchema(r, { name, type, content, description: input.string('Description', { max: 256 }), tags: tagsOf(input) });
  return restAnswer(201, versionBody(r, s, s.versions[0], false));
};

const describeSchema: Handler = (ctx) => {
  const { r, s } = schemaOf(ctx);
  const wanted = ctx.call.query.schemaVersion;
  const v = wanted === undefined ? ctx.store.latest(s) : s.versions.find((x) => x.version === wanted);
  if (!v) {
    throw notFound(`Schema with name ${s.name} and version ${wanted} does not exist in registry ${r.name}.`);
  }
  return restAnswer(200, versionBody(r, s, v, true));
};

const updateSchema: Handler = (ctx) => {
  const { r, s } = schemaOf(ctx);
  const input = ctx.input();
  const token = input.string('ClientTokenId', { max: 36 });
  const content = input.string('Content');
  const description = input.string('Description', { max: 256 });
  const type = typeOf(input, false) ?? ctx.store.latest(s).type;
  if (token !== undefined && s.lastClientToken?.token === token) {
    // A retry of the same update: no new version.
    return restAnswer(200, versionBody(r, s, s.versions.find((v) => v.version === s.lastClientToken!.version) ?? ctx.store.latest(s), false));
  }
  if (description !== undefined) {
    s.description = description;
    s.lastModified = new Date();
  }
  let v = ctx.store.latest(s);
  if (content !== undefined) {
    checkContent(type, content);
    v = ctx.store.addVersion(s, type, content);
  }
  if (token !== undefined) {
    s.lastClientToken = { token, version: v.version };
  }
  return restAnswer(200, versionBody(r, s, v, false));
};

const deleteSchema: Handler = (ctx) => {
  const { r, s } = schemaOf(ctx);
  r.schemas.delete(s.name);
  return restAnswer(204);
};

const listSchemas: Handler = (ctx) => {
  const r = registryOf(ctx);
  const { query } = ctx.call;
  const prefix = query.schemaNamePrefix;
  const all = [...r.schemas.values()].filter((s) => prefix === undefined || s.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = pageByOffset(all, query.nextToken, Math.min(Number(query.limit) || PAGE, PAGE), invalidToken);
  return restAnswer(200, {
    Schemas: page.items.map((s) => ({ LastModified: iso(s.lastModified), SchemaArn: schemaArn(r, s.name), SchemaName: s.name, tags: s.tags, VersionCount: s.versions.length })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  });
};

const listSchemaVersions: Handler = (ctx) => {
  const { r, s } = schemaOf(ctx);
  const { query } = ctx.call;
  const page = pageByOffset(s.versions, query.nextToken, Math.min(Number(query.limit) || PAGE, PAGE), invalidToken);
  return restAnswer(200, {
    SchemaVersions: page.items.map((v) => ({ SchemaArn: schemaArn(r, s.name), SchemaName: s.name, SchemaVersion: v.version, Type: v.type })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  });
};

const deleteSchemaVersion: Handler = (ctx) => {
  const { r, s } = schemaOf(ctx);
  const version = ctx.call.params[2];
  const i = s.versions.findIndex((v) => v.version === version);
  if (i < 0) {
    throw notFound(`Schema with name ${s.name} and version ${version} does not exist in registry ${r.name}.`);
  }
  if (s.versions.length === 1) {
    throw badRequest(`Version ${version} is the only version of schema ${s.name}; delete the schema instead.`);
  }
  s.versions.splice(i, 1);
  return restAnswer(204);
};

const getDiscoveredSchema: Handler = (ctx) => {
  const input = ctx.input();
  const type = typeOf(input, true)!;
  const events = input.strings('Events');
  if (!events || events.length < 1 || events.length > 10) {
    throw badRequest('Events must hold 1 to 10 JSON events.');
  }
  if (type !== 'OpenApi3') {
    throw badRequest('The local emulator discovers OpenApi3 schemas only.');
  }
  const parsed = events.map((e) => {
    try {
      return JSON.parse(e) as Json;
    } catch {
      throw badRequest('Events must be valid JSON.');
    }
  });
  return restAnswer(200, { Content: JSON.stringify(discoverOpenApi(parsed)) });
};

interface Route {
  method: string;
  re: RegExp;
  operation: string;
  handler: Handler;
}

const R = '/v1/registries/name/([^/]+)';
const S = `${R}/schemas/name/([^/]+)`;
const route = (method: string, path: string, operation: string, handler: Handler): Route => ({ method, re: new RegExp(`^${path}/?$`), operation, handler });

const ROUTES: readonly Route[] = [
  route('GET', '/v1/registries', 'ListRegistries', listRegistries),
  route('GET', R, 'DescribeRegistry', describeRegistry),
  route('POST', R, 'CreateRegistry', createRegistry),
  route('DELETE', R, 'DeleteRegistry', deleteRegistry),
  route('GET', `${R}/schemas`, 'ListSchemas', listSchemas),
  route('GET', S, 'DescribeSchema', describeSchema),
  route('POST', S, 'CreateSchema', createSchema),
  route('PUT', S, 'UpdateSchema', updateSchema),
  route('DELETE', S, 'DeleteSchema', deleteSchema),
  route('GET', `${S}/versions`, 'ListSchemaVersions', listSchemaVersions),
  route('DELETE', `${S}/version/([^/]+)`, 'DeleteSchemaVersion', deleteSchemaVersion),
  route('POST', '/v1/discover', 'GetDiscoveredSchema', getDiscoveredSchema),
];

export const SCHEMAS_OPERATIONS = ROUTES.map((r) => r.operation);

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function schemasService(store: SchemaRegistryStore): ServiceDefinition {
  const byOperation = new Map(ROUTES.map((r) => [r.operation, r]));
  return {
    name: 'schemas',
    protocol: 'rest-json',
    resolve(method, rawPath) {
      for (const r of ROUTES) {
        const m = r.method === method ? r.re.exec(rawPath) : null;
        if (m) {
          return { operation: r.operation, params: m.slice(1).map(decode) };
        }
      }
      return undefined;
    },
    run(call) {
      return byOperation.get(call.operation)!.handler({ store, call, input: () => JsonInput.parse(call.body, 'BadRequestException', 'BadRequestException') });
    },
    denied(call) {
      const [registry, schema] = call.params;
      const resource =
        schema !== undefined
          ? `arn:aws:schemas:${call.region}:${call.account}:schema/${registry}/${schema}`
          : `arn:aws:schemas:${call.region}:${call.account}:registry/${registry ?? '*'}`;
      return apiError('ForbiddenException', 403, notAuthorizedMessage(call.key, `schemas:${call.operation}`, resource));
    },
    throttled: () => apiError('TooManyRequestsException', 429, 'Rate exceeded'),
    serverError: 'InternalServerErrorException',
  };
}
