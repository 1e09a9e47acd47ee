/**
 * Requests for a property-based fuzz of every route, drawn from the app's own OpenAPI
 * document: valid-ish values from each route's JSON schemas (with real ids, regions and
 * months of the seeded county mixed in, so handlers are reached), then mutated — wrong
 * types, missing and extra fields, huge and odd strings, negative and fractional numbers,
 * odd path parameters, duplicated and bracketed query keys, forged cursors, malformed
 * JSON, wrong content types and encodings, forged tokens — and sent as any principal.
 */
import { request as httpRequest, Agent } from 'node:http';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { apiErrorBodySchema } from '@bangfu/shared';
import { GLOBAL_INDEXES, INDEX, keys } from '../../functions/src/db/tableSchema.js';
import type { TableChange } from './tableChanges.js';

/** The subset of JSON Schema that z.toJSONSchema produces for our routes. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface FuzzOperation {
  method: string;
  /** OpenAPI template, e.g. /api/v1/regions/{code} */
  path: string;
  roles: 'public' | string[];
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: JsonSchema;
}

export function operationsOf(document: any): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(methods)) {
      const parameters = (location: string) =>
        (operation.parameters as any[])
          .filter((p) => p.in === location)
          .map(({ name, required, schema }) => ({ name, required, schema }));
      operations.push({
        method: method.toUpperCase(),
        path,
        roles: operation['x-roles'] ?? 'public',
        pathParams: parameters('path'),
        queryParams: parameters('query'),
        body: operation.requestBody?.content['application/json'].schema,
      });
    }
  }
  return operations;
}

/** Who calls: a name for the report and the Authorization header sent (none for anonymous). */
export interface Caller {
  name: string;
  role?: string;
  /** Read when the request is sent: a session the fuzz ended (logout) is renewed in place. */
  authorization?: string;
  /** A real account's: its session can be renewed. */
  userId?: string;
}

/** Real values of the seeded world, by the name of the field or parameter that holds them. */
export type Pools = Record<string, readonly string[]>;

export interface FuzzWorld {
  callers: readonly Caller[];
  pools: Pools;
}

export interface FuzzRequest {
  /** The route drawn from, e.g. GET /api/v1/regions/{code} */
  route: string;
  method: string;
  path: string;
  caller: Caller;
  /** Without Authorization: the caller's is added when sent. */
  headers: Record<string, string>;
  body?: Buffer;
  /** What was done to the request, for the report. */
  mutations: string[];
}

// ——— values ———

const CHINESE = ['刘海军', '郭春花', '王秀兰', '金山镇', '缝纫工', '帮扶车间', '张三', '测试', '包头市固阳县'];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800', // a lone surrogate
  '\u202e\u0644\u0627', // right-to-left override
  'a\u200bb', // zero-width space
  '👨‍👩‍👧‍👦',
  '𠀀𪚥', // outside the BMP
  '../../etc/passwd',
  '%00',
  '#',
  'PROFILE',
  'USER#demo-admin',
  "' OR '1'='1",
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '2026-02-30',
  '2026-13',
  '9999-12-31',
];
const ODD_NUMBERS = [-1, -0.5, 0, 0.1, 1.5, -0, 1e21, -1e21, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1, Number.MIN_VALUE, 5e-324];

const shortOddString = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const oddString = fc.oneof(
  shortOddString,
  fc.constantFrom(10_000, 20_000).map((n) => '字'.repeat(n)),
);
/**
 * For a query string: long, but short enough to reach the app. A request line over 16 kB is
 * refused by node:http itself (431), as API Gateway refuses one over 10 kB, before any of our code.
 */
const oddQueryValue = fc.oneof(shortOddString, fc.constantFrom('a'.repeat(4_000), '字'.repeat(500)));
/** Anything of the wrong type or out of range, for any field. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { a: 1 }, [[[[[]]]]]),
  fc.constantFrom(...ODD_NUMBERS),
  oddString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
);

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** A value the schema accepts, most of the time; real pooled values for the fields that name ids. */
export function valueOf(schema: JsonSchema, pools: Pools, name = '', depth = 0): fc.Arbitrary<unknown> {
  const pooled = pools[name];
  const generated = schemaValue(schema, pools, depth);
  return pooled?.length ? fc.oneof({ arbitrary: fc.constantFrom(...pooled), weight: 3 }, generated) : generated;
}

function schemaValue(schema: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => schemaValue(s, pools, depth)));
  if (schema.allOf?.length) return schemaValue(Object.assign({}, ...schema.allOf), pools, depth);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => schemaValue({ ...schema, type }, pools, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = Math.ceil(schema.minimum ?? Math.min(-1_000, schema.maximum ?? 0));
      return fc.integer({ min, max: Math.floor(schema.maximum ?? Math.max(10_000_000, min)) });
    }
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? Math.min(-1_000, schema.maximum ?? schema.exclusiveMaximum ?? 0),
        max: schema.maximum ?? schema.exclusiveMaximum ?? Math.max(1_000_000, schema.minimum ?? schema.exclusiveMinimum ?? 0),
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
        noNaN: true,
      });
    case 'string':
      return stringOf(schema);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(schema.items ? valueOf(schema.items, pools, '', depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength,
        maxLength,
      });
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, property]) => [key, valueOf(property, pools, key, depth + 1)]),
      );
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return isoDate;
  if (schema.format === 'date-time') return isoDate.map((day) => `${day}T08:00:00.000Z`);
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 30, 30));
  return fc
    .oneof(fc.constantFrom(...CHINESE), fc.string({ minLength, maxLength }))
    .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
}

// ——— mutations ———

type Json = unknown;

/** Every path to a value inside a JSON value (the root is []). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, key]));
  }
  return paths;
}

function setAt(value: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  const next = setAt(copy[head!], rest, replacement);
  if (next === undefined && rest.length === 0) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head!];
  } else copy[head!] = next;
  return copy;
}
const REMOVE = Symbol('remove');

const EXTRA_KEYS = [
  'pk',
  'sk',
  'role',
  'regionCode',
  'userId',
  'status',
  'version',
  'amountFen',
  'isAdmin',
  INDEX.byRegion.partitionKey,
  '',
  '字段',
];

/** One change to a JSON value: a field dropped, replaced by a wrong value, or a field added. */
function mutateJson(value: Json): fc.Arbitrary<{ value: Json; note: string }> {
  const paths = pathsOf(value);
  const inner = paths.filter((p) => p.length > 0);
  const objects = paths.filter((p) => {
    const at = p.reduce<any>((v, k) => v?.[k], value);
    return at && typeof at === 'object' && !Array.isArray(at);
  });
  const options: fc.Arbitrary<{ value: Json; note: string }>[] = [
    oddValue.map((odd) => ({ value: odd, note: `body replaced by ${preview(odd)}` })),
  ];
  if (inner.length) {
    options.push(
      fc.constantFrom(...inner).map((p) => ({ value: setAt(value, p, REMOVE), note: `dropped ${p.join('.')}` })),
      fc
        .tuple(fc.constantFrom(...inner), oddValue)
        .map(([p, odd]) => ({ value: setAt(value, p, odd), note: `${p.join('.')} = ${preview(odd)}` })),
    );
  }
  if (objects.length) {
    options.push(
      fc
        .tuple(fc.constantFrom(...objects), fc.constantFrom(...EXTRA_KEYS), oddValue)
        .map(([p, key, odd]) => ({ value: setAt(value, [...p, key], odd), note: `added ${[...p, key].join('.')}` })),
    );
  }
  return fc.oneof(...options);
}

const preview = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…(${text.length})` : text;
};

// ——— cursors and path parameters ———

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const byRegionKey = (partition: string, sort: string) => ({
  [INDEX.byRegion.partitionKey]: partition,
  [INDEX.byRegion.sortKey]: sort,
});
/** Cursors a client could forge: not base64, not JSON, JSON of the wrong shape, keys of other items and indexes. */
export const forgedCursor = fc.oneof(
  fc.constantFrom(
    '!!!',
    'a',
    base64url('not json'),
    base64url('null'),
    base64url('[]'),
    base64url('{}'),
    base64url('{"pk":1}'),
    base64url('{"pk":"USER#demo-admin"}'),
    base64url('{"pk":"USER#demo-admin","sk":"PROFILE"}'),
    base64url(JSON.stringify({ ...keys.worker('x'), ...byRegionKey('WORKERS#110101', '1') })),
    base64url(JSON.stringify(byRegionKey('USERS#150222', '150222'))),
    base64url('{"pk":"","sk":""}'),
    base64url(`{"pk":"${'x'.repeat(3000)}","sk":"y"}`),
  ),
  fc
    .dictionary(
      fc.constantFrom('pk', 'sk', ...GLOBAL_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]), 'x'),
      fc.string({ maxLength: 30 }),
      {
        maxKeys: 6,
      },
    )
    .map((key) => base64url(JSON.stringify(key))),
);

/** Path segments that are not ids: traversal, encoded separators, bad percent-escapes, key syntax, huge. */
const ODD_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '%00',
  '%zz',
  '%E4%B8',
  '%',
  'a%23b',
  'WORKER%23x',
  '%E5%BC%A0%E4%B8%89',
  'x'.repeat(3000),
  '-1',
  '0',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '%20',
];

function segment(parameter: Parameter, pools: Pools): fc.Arbitrary<{ text: string; note?: string }> {
  return fc.oneof(
    { arbitrary: valueOf(parameter.schema, pools, parameter.name).map((v) => ({ text: encode(String(v)) })), weight: 4 },
    fc.constantFrom(...ODD_SEGMENTS).map((text) => ({ text, note: `params.${parameter.name} = ${preview(text)}` })),
  );
}

// ——— query strings ———

type QueryPairs = [string, string][];

function queryOf(operation: FuzzOperation, pools: Pools): fc.Arbitrary<{ pairs: QueryPairs; notes: string[] }> {
  const fields = operation.queryParams.map((p) =>
    (p.required
      ? valueOf(p.schema, pools, p.name).map((v) => [v])
      : fc.option(valueOf(p.schema, pools, p.name), { nil: undefined }).map((v) => (v === undefined ? [] : [v]))
    ).map((values) => values.map((v) => [p.name, String(v)] as [string, string])),
  );
  const valid = fc.tuple(...fields).map((groups) => groups.flat());
  const names = [...operation.queryParams.map((p) => p.name), 'x'];
  const mutation: fc.Arbitrary<(pairs: QueryPairs) => { pairs: QueryPairs; note: string }> = fc.oneof(
    fc
      .constantFrom(...names)
      .map((name) => (pairs: QueryPairs) => ({ pairs: pairs.filter(([k]) => k !== name), note: `query dropped ${name}` })),
    fc.tuple(fc.constantFrom(...names), oddQueryValue).map(([name, odd]) => (pairs: QueryPairs) => ({
      pairs: [...pairs.filter(([k]) => k !== name), [name, odd] as [string, string]],
      note: `query ${name}=${preview(odd)}`,
    })),
    fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 10 })).map(([name, other]) => (pairs: QueryPairs) => ({
      pairs: [...pairs, [name, other] as [string, string], [name, other] as [string, string]],
      note: `query ${name} repeated`,
    })),
    fc
      .tuple(fc.constantFrom(...names), fc.constantFrom('[]', '[0]', '[a]', '[__proto__]', '.a'))
      .map(([name, suffix]) => (pairs: QueryPairs) => ({
        pairs: [...pairs, [name + suffix, '1'] as [string, string]],
        note: `query ${name}${suffix}=1`,
      })),
    forgedCursor.map((cursor) => (pairs: QueryPairs) => ({
      pairs: [...pairs.filter(([k]) => k !== 'cursor'), ['cursor', cursor] as [string, string]],
      note: `forged cursor ${cursor.slice(0, 60)}`,
    })),
  );
  return fc.tuple(valid, fc.array(mutation, { maxLength: 2 })).map(([pairs, mutations]) => {
    const notes: string[] = [];
    for (const mutate of mutations) {
      const result = mutate(pairs);
      pairs = result.pairs;
      notes.push(result.note);
    }
    return { pairs, notes };
  });
}

/** Percent-encodes the UTF-8 bytes, as a client does (a lone surrogate goes as U+FFFD; encodeURIComponent would throw). */
const encode = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

const encodeQuery = (pairs: QueryPairs) =>
  pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : '';

// ——— bodies and envelopes ———

interface Envelope {
  headers: Record<string, string>;
  body?: Buffer;
  note?: string;
}

const MALFORMED_JSON = [
  '{"a":',
  "{'a':1}",
  '[1,2',
  'NaN',
  '',
  'null',
  '"text"',
  '123',
  '{"a":1}{"b":2}',
  '{"a":1,}',
  '\u0000',
  '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"x":1}}}',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GZIP_BOMB = gzipSync(`{"a":"${'0'.repeat(2_000_000)}"}`);
const LARGE_BODY = `{"a":"${'x'.repeat(200_000)}"}`;

function envelopeOf(json: Json | undefined, withBody: boolean): fc.Arbitrary<Envelope> {
  const text = json === undefined ? undefined : JSON.stringify(json);
  const asJson = (body: string | Buffer, extra: Record<string, string> = {}, note?: string): Envelope => ({
    headers: { 'content-type': 'application/json', ...extra },
    body: Buffer.from(body),
    ...(note ? { note } : {}),
  });
  const plain: Envelope = text === undefined ? { headers: {} } : asJson(text);
  const odd: fc.Arbitrary<Envelope>[] = [
    fc.constantFrom(...MALFORMED_JSON).map((raw) => asJson(raw, {}, `malformed JSON ${preview(raw)}`)),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'text/csv',
        XLSX,
      )
      .map((type) => ({
        headers: { 'content-type': type },
        body: Buffer.from(text ?? 'a,b\n1,2\n'),
        note: `content-type ${type}`,
      })),
    fc
      .constantFrom('application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=foo')
      .map((type) => ({
        headers: { 'content-type': type },
        body: Buffer.from(text ?? '{}'),
        note: `content-type ${type}`,
      })),
    fc
      .constantFrom('gzip', 'deflate', 'br', 'compress', 'gzip, gzip')
      .map((encoding) =>
        asJson(
          Buffer.from('\x1f\x8b\x08\x00garbage'),
          { 'content-encoding': encoding },
          `content-encoding ${encoding} with garbage`,
        ),
      ),
    fc.constant(asJson(gzipSync(text ?? '{}'), { 'content-encoding': 'gzip' }, 'gzip body')),
    fc.constant(asJson(GZIP_BOMB, { 'content-encoding': 'gzip' }, 'gzip bomb (2 MB inflated)')),
    fc.constant(asJson(LARGE_BODY, {}, 'body of 200 kB')),
    fc.uint8Array({ minLength: 1, maxLength: 2_000 }).map((bytes) => ({
      headers: { 'content-type': XLSX },
      body: Buffer.from(bytes),
      note: 'random bytes as XLSX',
    })),
    fc
      .string({ unit: 'binary', maxLength: 400 })
      .map((csv) => ({ headers: { 'content-type': 'text/csv' }, body: Buffer.from(csv), note: 'random CSV' })),
  ];
  if (!withBody) return fc.oneof({ arbitrary: fc.constant(plain), weight: 6 }, ...odd);
  return fc.oneof(
    { arbitrary: fc.constant(plain), weight: 4 },
    { arbitrary: mutateJson(json).map(({ value, note }) => ({ ...asJson(JSON.stringify(value) ?? ''), note })), weight: 6 },
    ...odd,
  );
}

// ——— the request ———

function callerArbitrary(operation: FuzzOperation, callers: readonly Caller[]): fc.Arbitrary<Caller> {
  const allowed = callers.filter((c) => operation.roles === 'public' || (c.role && operation.roles.includes(c.role)));
  return allowed.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...allowed), weight: 3 }, fc.constantFrom(...callers))
    : fc.constantFrom(...callers);
}

export function requestArbitrary(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...operation.pathParams.map((p) => segment(p, world.pools)));
  const body = operation.body ? valueOf(operation.body, world.pools).map((v) => v as Json) : fc.constant(undefined);
  return fc
    .tuple(
      callerArbitrary(operation, world.callers),
      segments,
      queryOf(operation, world.pools),
      body.chain((json) => envelopeOf(json, operation.body !== undefined)),
    )
    .map(([caller, parts, query, envelope]) => {
      let path = operation.path;
      const mutations: string[] = [];
      operation.pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, parts[i]!.text);
        if (parts[i]!.note) mutations.push(parts[i]!.note!);
      });
      mutations.push(...query.notes);
      if (envelope.note) mutations.push(envelope.note);
      return {
        route: `${operation.method} ${operation.path}`,
        method: operation.method,
        path: path + encodeQuery(query.pairs),
        caller,
        headers: envelope.headers,
        ...(envelope.body ? { body: envelope.body } : {}),
        mutations,
      };
    });
}

// ——— sending and judging ———

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends the request as is (node:http, so odd paths reach the app unnormalised); loopback only. */
export function send(baseUrl: string, request: FuzzRequest): Promise<{ status: number; text: string }> {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1') throw new Error('the fuzz only talks to the app on loopback');
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(request.caller.authorization ? { authorization: request.caller.authorization } : {}),
          ...(request.body ? { 'content-length': String(request.body.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * Items that may be written while a request is refused, by key prefix: the audit trail
 * (a full record's read or reveal is audited before anything else happens, and refusals
 * are audited on purpose), the rate limiter's counters, and an import's own report — an
 * upload streams, so its report is claimed before the file is read, and a refused file
 * leaves it marked failed for the uploader (only) to read; no registry record is written.
 */
export const WRITES_ALLOWED_ON_REFUSAL = ['AUDIT#', 'RATE#', 'IMPORT#'];

/** What is wrong with an answer, or undefined: a 5xx, an error not in the one error shape, a write on a 4xx. */
export function judge(response: { status: number; text: string }, changes: readonly TableChange[]): string | undefined {
  if (response.status >= 500) return `${response.status} ${response.text.slice(0, 300)}`;
  if (response.status < 400) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return `${response.status} is not JSON: ${response.text.slice(0, 200)}`;
  }
  if (!apiErrorBodySchema.safeParse(body).success)
    return `${response.status} is not the error shape: ${response.text.slice(0, 200)}`;
  const written = changes.filter((c) => !WRITES_ALLOWED_ON_REFUSAL.some((prefix) => c.pk.startsWith(prefix)));
  if (written.length) return `${response.status} but wrote ${written.map((c) => `${c.eventName} ${c.pk} ${c.sk}`).join(', ')}`;
  return undefined;
}

export function describeRequest(request: FuzzRequest): string {
  const body = request.body ? ` body ${preview(request.body.toString('utf8'))}` : '';
  return `${request.method} ${request.path.length > 300 ? `${request.path.slice(0, 300)}…` : request.path} as ${request.caller.name} [${request.mutations.join('; ')}]${body}`;
}
