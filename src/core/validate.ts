/**
 * A small validator for element configs: every problem is reported with the exact path into the
 * JSON (`nodes[2].weight: expected a number ≥ 0, got "heavy"`), all problems at once, and nothing
 * ever throws. Each schema also carries a `spec` (plain data) that `toJSONSchema()` in
 * json-schema.ts turns into JSON Schema, so the shapes an element accepts are published from the
 * same source that checks them — without shipping the generator to browsers.
 */

export interface ConfigIssue {
  /** Path into the config, e.g. `nodes[2].weight`; `config` for the root. */
  path: string;
  /** What is wrong, without the path. */
  message: string;
}

export interface Schema<T> {
  /** Checks `input`, pushes issues, and returns the cleaned value (defaults filled in) or undefined. */
  check(input: unknown, path: string, issues: ConfigIssue[]): T | undefined;
  /** A short phrase for messages: "a number ≥ 0". */
  readonly expected: string;
  /** What it accepts, as data: `toJSONSchema()` (json-schema.ts) turns it into JSON Schema. */
  readonly spec: Spec;
  /** Shown in the JSON Schema, for editor hovers. */
  readonly description?: string;
  /** Set by `optional()`. */
  readonly optional?: boolean;
  readonly defaultValue?: T;
  /** The JSON kind it accepts, so a union can report the alternative that matches the input's kind. */
  readonly kind?: Kind;
}

export type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array';

export function kindOf(value: unknown): Kind | 'null' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'other';
}

/** The declarative description of a schema (kept as data so JSON Schema generation ships separately). */
export type Spec =
  | { type: 'number'; opts: NumberOptions }
  | { type: 'string'; opts: StringOptions }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly (string | number)[] }
  | { type: 'array'; item: Schema<unknown>; opts: { minItems?: number; maxItems?: number } }
  | { type: 'union'; of: Schema<unknown>[] }
  | { type: 'tagged'; variants: Schema<unknown>[] }
  | { type: 'object'; shape: Record<string, Schema<unknown>>; allowUnknown: boolean }
  | { type: 'any' };

export type Infer<S> = S extends Schema<infer T> ? T : never;

export type ParseResult<T> = { ok: true; value: T; issues: [] } | { ok: false; value?: undefined; issues: ConfigIssue[] };

/** Validate `input` against `schema`. Never throws. */
export function parse<T>(schema: Schema<T>, input: unknown): ParseResult<T> {
  const issues: ConfigIssue[] = [];
  let value: T | undefined;
  try {
    value = schema.check(input, '', issues);
  } catch (err) {
    issues.push({ path: 'config', message: `could not be checked: ${String(err)}` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: value as T, issues: [] };
}

/** `nodes[2].weight: expected …` — one line per issue. */
export function formatIssue(issue: ConfigIssue): string {
  return `${issue.path || 'config'}: ${issue.message}`;
}

/** Render a value the way a message quotes it: `"heavy"`, `-1`, `an object`. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? `an array of ${value.length}` : 'an empty array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  return text.length > 48 ? text.slice(0, 45) + '…"' : text;
}

export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function fail(issues: ConfigIssue[], path: string, expected: string, got: unknown): undefined {
  issues.push({ path: path || 'config', message: `expected ${expected}, got ${show(got)}` });
  return undefined;
}

export interface NumberOptions {
  min?: number;
  max?: number;
  integer?: boolean;
  /** min is exclusive (> instead of ≥). */
  exclusiveMin?: boolean;
}

export function number(opts: NumberOptions = {}): Schema<number> {
  const noun = opts.integer ? 'an integer' : 'a number';
  const gt = opts.exclusiveMin ? '>' : '≥';
  let expected = noun;
  if (opts.min !== undefined && opts.max !== undefined && !opts.exclusiveMin) expected = `${noun} from ${opts.min} to ${opts.max}`;
  else if (opts.min !== undefined && opts.max !== undefined) expected = `${noun} ${gt} ${opts.min} and ≤ ${opts.max}`;
  else if (opts.min !== undefined) expected = `${noun} ${gt} ${opts.min}`;
  else if (opts.max !== undefined) expected = `${noun} ≤ ${opts.max}`;
  return {
    expected,
    kind: 'number',
    check(input, path, issues) {
      if (typeof input !== 'number' || !Number.isFinite(input)) return fail(issues, path, expected, input);
      if (opts.integer && !Number.isInteger(input)) return fail(issues, path, expected, input);
      if (opts.min !== undefined && (opts.exclusiveMin ? input <= opts.min : input < opts.min)) return fail(issues, path, expected, input);
      if (opts.max !== undefined && input > opts.max) return fail(issues, path, expected, input);
      return input;
    },
    spec: { type: 'number', opts },
  };
}

export interface StringOptions {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  /** How to describe the pattern in a message: "an id of letters, digits, - or _". */
  describe?: string;
}

export function string(opts: StringOptions = {}): Schema<string> {
  let expected = opts.describe ?? (opts.minLength ? 'a non-empty string' : 'a string');
  if (!opts.describe && opts.maxLength !== undefined) expected += ` of at most ${opts.maxLength} characters`;
  return {
    expected,
    kind: 'string',
    check(input, path, issues) {
      if (typeof input !== 'string') return fail(issues, path, expected, input);
      if (opts.minLength !== undefined && input.trim().length < opts.minLength) return fail(issues, path, expected, input);
      if (opts.maxLength !== undefined && input.length > opts.maxLength) return fail(issues, path, expected, input);
      if (opts.pattern && !opts.pattern.test(input)) return fail(issues, path, expected, input);
      return input;
    },
    spec: { type: 'string', opts },
  };
}

export function boolean(): Schema<boolean> {
  return {
    expected: 'true or false',
    kind: 'boolean',
    check: (input, path, issues) => (typeof input === 'boolean' ? input : fail(issues, path, 'true or false', input)),
    spec: { type: 'boolean' },
  };
}

export function oneOf<const T extends string | number>(values: readonly T[]): Schema<T> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return {
    expected,
    check: (input, path, issues) => (values.includes(input as T) ? (input as T) : fail(issues, path, expected, input)),
    spec: { type: 'enum', values },
  };
}

export interface ArrayOptions {
  minItems?: number;
  maxItems?: number;
  /**
   * The key that must be unique across items, read from the raw item (so duplicates are found even
   * among items that have other problems); undefined to skip an item. `idKey` reads a string item or
   * an object's string `id`.
   */
  uniqueBy?: (raw: unknown) => string | undefined;
  /** Noun for the unique key in messages ("id"). */
  uniqueName?: string;
}

/** A string item itself, or an object item's string `id`. */
export const idKey = (raw: unknown): string | undefined =>
  typeof raw === 'string' ? raw : typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;

export function array<T>(item: Schema<T>, opts: ArrayOptions = {}): Schema<T[]> {
  const expected = opts.minItems ? `an array of ${item.expected} with at least ${opts.minItems} item${opts.minItems > 1 ? 's' : ''}` : `an array of ${item.expected}`;
  return {
    expected,
    kind: 'array',
    check(input, path, issues) {
      if (!Array.isArray(input)) return fail(issues, path, expected, input);
      const before = issues.length;
      if (opts.minItems !== undefined && input.length < opts.minItems)
        issues.push({ path: path || 'config', message: `expected at least ${opts.minItems} item${opts.minItems > 1 ? 's' : ''}, got ${input.length}` });
      if (opts.maxItems !== undefined && input.length > opts.maxItems)
        issues.push({ path: path || 'config', message: `expected at most ${opts.maxItems} items, got ${input.length}` });
      const out: T[] = [];
      const seen = new Map<string, number>();
      input.forEach((raw, i) => {
        const p = joinPath(path, i);
        const key = opts.uniqueBy?.(raw);
        const first = key === undefined ? undefined : seen.get(key);
        if (first !== undefined) issues.push({ path: p, message: `duplicate ${opts.uniqueName ?? 'value'} ${JSON.stringify(key)} (also at ${joinPath(path, first)})` });
        else if (key !== undefined) seen.set(key, i);
        const v = item.check(raw, p, issues);
        if (v !== undefined) out.push(v);
      });
      return issues.length > before ? undefined : out;
    },
    spec: { type: 'array', item: item as Schema<unknown>, opts },
  };
}

/**
 * Accepts whichever alternative matches. On failure it reports the alternative of the input's own
 * kind (a string is judged as the string form, an object as the object form); failing that, a
 * plain "expected A or B".
 */
export function union<A, B>(a: Schema<A>, b: Schema<B>): Schema<A | B> {
  const expected = `${a.expected} or ${b.expected}`;
  return {
    expected,
    check(input, path, issues) {
      const tries = [a, b].map((schema) => {
        const local: ConfigIssue[] = [];
        const value = schema.check(input, path, local);
        return { schema, value, local };
      });
      const good = tries.find((t) => t.local.length === 0);
      if (good) return good.value;
      const kind = kindOf(input);
      const same = tries.filter((t) => t.schema.kind === kind);
      if (same.length === 1) {
        issues.push(...same[0].local);
        return undefined;
      }
      return fail(issues, path, expected, input);
    },
    spec: { type: 'union', of: [a as Schema<unknown>, b as Schema<unknown>] },
  };
}

/**
 * Objects told apart by a tag field, e.g. `{ type: "add", … } | { type: "remove", … }`: an unknown
 * tag is reported at the tag (`actions[0].type: expected one of "add", "remove", got "drop"`), a
 * known one is checked against its own shape.
 */
export function tagged<T>(tag: string, variants: Record<string, Schema<T>>): Schema<T> {
  const tags = Object.keys(variants);
  const tagList = tags.map((t) => JSON.stringify(t)).join(', ');
  const expected = `an object with ${tag} ${tagList}`;
  return {
    expected,
    kind: 'object',
    check(input, path, issues) {
      if (kindOf(input) !== 'object') return fail(issues, path, expected, input);
      const value = (input as Record<string, unknown>)[tag];
      if (typeof value !== 'string' || !tags.includes(value)) {
        issues.push({ path: joinPath(path, tag), message: `expected one of ${tagList}, got ${show(value)}` });
        return undefined;
      }
      return variants[value].check(input, path, issues);
    },
    spec: { type: 'tagged', variants: tags.map((t) => variants[t] as Schema<unknown>) },
  };
}

/** Marks a field optional; with a default the cleaned value always has it. */
export function optional<T>(schema: Schema<T>): Schema<T | undefined>;
export function optional<T>(schema: Schema<T>, defaultValue: T): Schema<T>;
export function optional<T>(schema: Schema<T>, defaultValue?: T): Schema<T | undefined> {
  return {
    ...schema,
    optional: true,
    defaultValue,
    check: (input, path, issues) => (input === undefined ? defaultValue : schema.check(input, path, issues)),
  };
}

/** Adds checks that need the whole value (cross-field rules). `check` pushes issues with full paths. */
export function refine<T>(schema: Schema<T>, check: (value: T, path: string, issues: ConfigIssue[]) => void): Schema<T> {
  return {
    ...schema,
    check(input, path, issues) {
      const value = schema.check(input, path, issues);
      if (value === undefined) return undefined;
      const before = issues.length;
      check(value, path, issues);
      return issues.length > before ? undefined : value;
    },
  };
}

/** Attaches a description (shown in the JSON Schema, for editor hovers). */
export function describe<T>(schema: Schema<T>, description: string): Schema<T> {
  return { ...schema, description };
}

type Shape = Record<string, Schema<unknown>>;
export type ObjectOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

export interface ObjectOptions {
  /** Allow fields the shape does not name (they are dropped). Default false: unknown fields are errors. */
  allowUnknown?: boolean;
  /** Noun for messages: "a node object". */
  name?: string;
}

export function object<S extends Shape>(shape: S, opts: ObjectOptions = {}): Schema<ObjectOf<S>> {
  const keys = Object.keys(shape);
  const required = keys.filter((k) => !shape[k].optional);
  const expected = opts.name ?? `an object with ${required.length ? required.join(', ') : keys.join(', ')}`;
  return {
    expected,
    kind: 'object',
    check(input, path, issues) {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(issues, path, expected, input);
      const before = issues.length;
      const rec = input as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const p = joinPath(path, key);
        if (rec[key] === undefined && !shape[key].optional) {
          issues.push({ path: p, message: `is required (${shape[key].expected})` });
          continue;
        }
        const v = shape[key].check(rec[key], p, issues);
        if (v !== undefined) out[key] = v;
      }
      if (!opts.allowUnknown) {
        for (const key of Object.keys(rec)) {
          if (key in shape) continue;
          const near = closest(key, keys);
          issues.push({
            path: joinPath(path, key),
            message: `unknown field${near ? ` (did you mean "${near}"?)` : ''}; known fields: ${keys.join(', ')}`,
          });
        }
      }
      return issues.length > before ? undefined : (out as ObjectOf<S>);
    },
    spec: { type: 'object', shape, allowUnknown: !!opts.allowUnknown },
  };
}

/** The known name within edit distance 2 of `word`, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("titel" → "title"), as typos go. */
function editDistance(a: string, b: string): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
