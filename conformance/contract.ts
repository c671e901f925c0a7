/**
 * The contract, loaded from api/openapi.yaml, as the kit uses it: which status codes and
 * content types an operation declares, and an Ajv validator for each declared JSON body.
 * Every failure is turned into a readable line that names the endpoint and the JSON path.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

export const CONTRACT_ID = 'https://hyeondap.example/openapi.yaml';

type Json = unknown;
type Obj = Record<string, unknown>;

export interface DeclaredResponse {
  status: string;
  /** content type → JSON pointer of its schema inside the contract */
  content: Record<string, string | null>;
}

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  responses: Record<string, DeclaredResponse>;
}

export interface Violation {
  /** JSON path in the body, `(body)` for the root, or `status` / `content-type` */
  where: string;
  message: string;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function pointerEncode(segments: string[]): string {
  return segments.map((s) => '/' + encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('');
}

export class Contract {
  readonly doc: Obj;
  readonly ajv: Ajv2020;
  private readonly ops = new Map<string, Operation>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(doc: Obj) {
    doc = structuredClone(doc);
    this.doc = doc;
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(doc, CONTRACT_ID);
    const paths = (doc.paths ?? {}) as Obj;
    for (const [path, item] of Object.entries(paths)) {
      if (!isObj(item)) continue;
      for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
        const op = item[method];
        if (!isObj(op)) continue;
        const responses: Record<string, DeclaredResponse> = {};
        for (const [status, raw] of Object.entries((op.responses ?? {}) as Obj)) {
          let resp = raw as Obj;
          let pointer = ['paths', path, method, 'responses', status];
          if (typeof resp.$ref === 'string') {
            const name = resp.$ref.replace('#/components/responses/', '');
            resp = ((doc.components as Obj).responses as Obj)[name] as Obj;
            pointer = ['components', 'responses', name];
          }
          const content: Record<string, string | null> = {};
          for (const [ct, media] of Object.entries((resp.content ?? {}) as Obj)) {
            const schema = isObj(media) ? media.schema : undefined;
            content[ct] = schema && ct.endsWith('json') ? pointerEncode([...pointer, 'content', ct, 'schema']) : null;
          }
          responses[status] = { status, content };
        }
        const key = `${method.toUpperCase()} ${path}`;
        this.ops.set(key, { method: method.toUpperCase(), path, operationId: String(op.operationId), responses });
      }
    }
  }

  static load(file = fileURLToPath(new URL('../api/openapi.yaml', import.meta.url))): Contract {
    return new Contract(parseYaml(readFileSync(file, 'utf8')) as Obj);
  }

  operation(method: string, path: string): Operation {
    const op = this.ops.get(`${method.toUpperCase()} ${path}`);
    if (!op) throw new Error(`the contract has no operation ${method.toUpperCase()} ${path}`);
    return op;
  }

  operations(): Operation[] {
    return [...this.ops.values()];
  }

  /** A validator for a JSON pointer (`/components/schemas/Forum`) inside the contract. */
  validator(pointer: string): ValidateFunction {
    let v = this.validators.get(pointer);
    if (!v) {
      const got = this.ajv.getSchema(`${CONTRACT_ID}#${pointer}`);
      if (!got) throw new Error(`no schema at ${pointer}`);
      v = got;
      this.validators.set(pointer, v);
    }
    return v;
  }

  /** Validate a value against a named component schema; [] when it conforms. */
  validateSchema(name: string, value: Json): Violation[] {
    const v = this.validator(`/components/schemas/${name}`);
    return v(value) ? [] : describeErrors(v.errors ?? [], value);
  }

  /**
   * Check one response against what the contract declares for the operation and status:
   * the status is declared, the content type is one of the declared ones, and a JSON body
   * matches the declared schema.
   */
  checkResponse(method: string, path: string, status: number, contentType: string | null, body: Json, bodyText: string): Violation[] {
    const op = this.operation(method, path);
    const declared = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
    if (!declared) {
      return [{ where: 'status', message: `${status} is not declared by the contract for this operation (declared: ${Object.keys(op.responses).join(', ')})` }];
    }
    const cts = Object.keys(declared.content);
    if (cts.length === 0) return [];
    const got = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const match = cts.find((ct) => ct.toLowerCase() === got);
    if (!match) {
      return [{ where: 'content-type', message: `must be ${cts.join(' or ')} (got ${contentType ? JSON.stringify(contentType) : 'none'})` }];
    }
    const pointer = declared.content[match];
    if (!pointer) return [];
    if (body === undefined) {
      return [{ where: '(body)', message: `must be JSON (got ${describeText(bodyText)})` }];
    }
    const v = this.validator(pointer);
    return v(body) ? [] : describeErrors(v.errors ?? [], body);
  }
}

function describeText(text: string): string {
  if (!text) return 'an empty body';
  const t = text.length > 40 ? text.slice(0, 40) + '…' : text;
  return `text ${JSON.stringify(t)}`;
}

/** `/items/0/capacity` → `items[0].capacity`; '' → `(body)`. */
export function jsonPath(instancePath: string, extra?: string): string {
  const segs = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) segs.push(extra);
  let out = '';
  for (const s of segs) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out || '(body)';
}

function valueAt(root: Json, instancePath: string): Json {
  let cur: Json = root;
  for (const raw of instancePath.split('/').slice(1)) {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[s];
  }
  return cur;
}

/** `string "30"`, `null`, `number 3`, `object {…}` */
export function describeValue(v: Json): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `array of ${v.length}`;
  if (typeof v === 'object') return 'object';
  let s = JSON.stringify(v);
  if (s.length > 60) s = s.slice(0, 57) + '…"';
  return `${typeof v} ${s}`;
}

function errorMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${String(p.type).replace(',', ' or ')}`;
    case 'format':
      return `must be a ${String(p.format)} string`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'pattern':
      return `must match ${String(p.pattern)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    default:
      return e.message ?? e.keyword;
  }
}

/**
 * Turn Ajv errors into one violation per JSON path. oneOf/anyOf branches at the same path are
 * folded into one "must be A or B"; missing and unexpected properties name the property.
 */
export function describeErrors(errors: ErrorObject[], root: Json): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const push = (where: string, message: string) => {
    const k = `${where}\u0000${message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ where, message });
  };
  for (const [path, list] of byPath) {
    const combinator = list.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
    if (combinator) {
      // If a deeper path has errors, those are more precise; the combinator is then noise.
      const deeper = [...byPath.keys()].some((k) => k !== path && k.startsWith(path + '/'));
      if (deeper && list.every((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'type')) continue;
      if (combinator.keyword === 'oneOf' && (combinator.params as { passingSchemas?: unknown }).passingSchemas) {
        push(jsonPath(path), `matches more than one alternative of oneOf (got ${describeValue(valueAt(root, path))})`);
        continue;
      }
      const alts = list.filter((e) => e !== combinator && e.keyword !== 'oneOf' && e.keyword !== 'anyOf').map(errorMessage);
      const uniq = [...new Set(alts)];
      push(jsonPath(path), `${uniq.length ? uniq.join(' or ') : 'must match one alternative'} (got ${describeValue(valueAt(root, path))})`);
      continue;
    }
    for (const e of list) {
      const p = e.params as Record<string, unknown>;
      if (e.keyword === 'required') push(jsonPath(path, String(p.missingProperty)), 'required property is missing');
      else if (e.keyword === 'additionalProperties')
        push(jsonPath(path, String(p.additionalProperty)), 'is not in the contract (additionalProperties: false)');
      else if (e.keyword === 'unevaluatedProperties')
        push(jsonPath(path, String(p.unevaluatedProperty)), 'is not in the contract (unevaluatedProperties: false)');
      else if (e.keyword === 'allOf' || e.keyword === 'if') continue;
      else push(jsonPath(path), `${errorMessage(e)} (got ${describeValue(valueAt(root, path))})`);
    }
  }
  return out;
}
