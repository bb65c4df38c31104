/**
 * GetDiscoveredSchema for OpenApi3: infers the OpenAPI 3 document of JSON events, in the shape
 * the service answers (the one the Lambda console and `sam remote test-event put` store as the
 * first version of a function's shareable test events):
 *
 *   {"openapi":"3.0.0","info":{"version":"1.0.0","title":"Event"},"paths":{},
 *    "components":{"schemas":{"Event":{"type":"object","required":[…],"properties":{…}}, …}}}
 *
 * Nested objects become their own component (`$ref: #/components/schemas/<Name>`); a property
 * is required when every event has it.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type SchemaObject = Record<string, unknown>;

const pascal = (key: string): string =>
  key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('') || 'Item';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

class Discoverer {
  readonly components: Record<string, SchemaObject> = {};

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.components[name]; i++) {
      name = `${base}_${i}`;
    }
    return name;
  }

  object(name: string, samples: { [k: string]: Json }[]): string {
    const componentName = this.uniqueName(name);
    this.components[componentName] = {};
    const keys = [...new Set(samples.flatMap((s) => Object.keys(s)))].sort();
    const properties: Record<string, SchemaObject> = {};
    for (const key of keys) {
      properties[key] = this.value(key, samples.filter((s) => key in s).map((s) => s[key]));
    }
    const required = keys.filter((k) => samples.every((s) => k in s));
    this.components[componentName] = { type: 'object', ...(required.length > 0 ? { required } : {}), properties };
    return componentName;
  }

  value(key: string, values: Json[]): SchemaObject {
    const v = values.find((x) => x !== null);
    if (v === undefined) {
      return { type: 'object', nullable: true };
    }
    if (Array.isArray(v)) {
      const items = values.flatMap((x) => (Array.isArray(x) ? x : []));
      return { type: 'array', items: items.length > 0 ? this.value(key, items) : { type: 'object' } };
    }
    if (typeof v === 'object') {
      const name = this.object(pascal(key), values.filter((x): x is { [k: string]: Json } => typeof x === 'object' && x !== null && !Array.isArray(x)));
      return { $ref: `#/components/schemas/${name}` };
    }
    if (typeof v === 'string') {
      return ISO_DATE.test(v) ? { type: 'string', format: 'date-time' } : { type: 'string' };
    }
    return { type: typeof v };
  }
}

/** The OpenAPI 3 document of `events` (parsed JSON values). */
export function discoverOpenApi(events: Json[]): Record<string, unknown> {
  const d = new Discoverer();
  const objects = events.filter((e): e is { [k: string]: Json } => typeof e === 'object' && e !== null && !Array.isArray(e));
  if (objects.length === events.length) {
    d.object('Event', objects);
  } else {
    d.components.Event = d.value('Item', events);
  }
  const schemas = { Event: d.components.Event, ...d.components };
  return { openapi: '3.0.0', info: { version: '1.0.0', title: 'Event' }, paths: {}, components: { schemas } };
}

export type { Json };
