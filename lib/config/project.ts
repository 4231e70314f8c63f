/**
 * The pre-pass that runs on parsed JSON before schema validation: measure nesting without recursion, then
 * copy the value keeping only the keys the schema knows.
 *
 * Why a pre-pass rather than valibot's own objects: `strictObject` rejects an unknown key and `object`
 * drops it silently; we want it dropped *and reported* (DESIGN.md, "dropped or unknown keys are reported").
 * So `project` walks the value alongside the valibot schema (its `entries`, `item`, `wrapped`, `options`),
 * building fresh objects that hold only known keys, and lists every key it left out as a JSON path.
 *
 * Prototype safety: `JSON.parse` turns `"__proto__"` into an ordinary own key. `project` never copies a key
 * by name unless the schema declares it (checked with `Object.hasOwn`, never `in`), and `__proto__`,
 * `constructor` and `prototype` are dropped everywhere, even inside values the schema does not describe.
 * No `Object.assign` or spread ever sees parsed data, so no assignment can reach a prototype setter.
 */
import type * as v from 'valibot';

/** Keys that are always dropped and reported, wherever they appear. */
export const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** One step of a path: an object key or an array index. */
export type PathKey = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The JSON path of `key` below `parent`: `childPath('$.siteDecisions', 2)` is `$.siteDecisions[2]`; a key
 * that is not an identifier is quoted, `childPath('$', 'a b')` is `$["a b"]` (bidi controls and zero-width
 * characters in it written as `\u202e`).
 */
export function childPath(parent: string, key: PathKey): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return `${parent}.${key}`;
  // A key holding a bidi control or zero-width character would garble the path where it is shown.
  return `${parent}[${JSON.stringify(key).replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}]`;
}

/** A plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The path of the first object or array nested deeper than `maxDepth` (root container = depth 1), or null.
 * Iterative (an explicit stack), so a value nested 100,000 levels deep costs `maxDepth` steps down that
 * branch and never overflows the call stack.
 */
export function findTooDeep(root: unknown, maxDepth: number): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: root, depth: 1, path: '$' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return path;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1, path: `${path}[${i}]` });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: childPath(path, key) });
      }
    }
  }
  return null;
}

/** What the pre-pass found: keys it dropped (JSON paths) and limits broken (`{ path, message }`). */
export interface ProjectReport {
  dropped: string[];
  errors: Array<{ path: string; message: string }>;
}

/**
 * Options: `leavesOnly` (used by export) also drops a container found where the schema expects a plain
 * value, so nothing the schema does not describe can leave the extension.
 */
export interface ProjectOptions {
  leavesOnly?: boolean;
}

// The parts of valibot's schema objects the walk reads. They are public properties of every schema.
interface SchemaLike {
  type: string;
  entries?: Record<string, SchemaLike>;
  item?: SchemaLike;
  wrapped?: SchemaLike;
  options?: SchemaLike[];
  key?: string;
  literal?: unknown;
  pipe?: Array<{ kind: string; type: string; requirement?: unknown; message?: unknown }>;
}

const WRAPPERS = new Set(['optional', 'exact_optional', 'nullable', 'nullish', 'undefinedable', 'non_optional', 'non_nullable', 'non_nullish']);
const OBJECTS = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);

/**
 * Copy `value` keeping only what `schema` describes. Unknown and dangerous keys are left out and their
 * paths appended to `report.dropped`; an array longer than its schema's `maxLength` is reported in
 * `report.errors` (with the schema's message and the count found) and its items are not walked.
 * A value whose type does not match the schema is copied as it is (minus dangerous keys), for the schema
 * to reject with a precise message. Recursion depth is the schema's depth, bounded by `findTooDeep` first.
 */
export function project(
  value: unknown,
  schema: v.GenericSchema,
  report: ProjectReport,
  path = '$',
  options: ProjectOptions = {},
): unknown {
  return walk(value, schema as unknown as SchemaLike, path, report, options);
}

function walk(value: unknown, schema: SchemaLike, path: string, report: ProjectReport, options: ProjectOptions): unknown {
  while (WRAPPERS.has(schema.type) && schema.wrapped) {
    if (value === undefined || value === null) return value;
    schema = schema.wrapped;
  }
  if (OBJECTS.has(schema.type) && schema.entries) {
    if (!isJsonObject(value)) return fallback(value, path, report, options);
    return copyKnown(value, schema.entries, path, report, options);
  }
  if (schema.type === 'variant' && schema.options && schema.key) {
    if (!isJsonObject(value)) return fallback(value, path, report, options);
    const tag = value[schema.key];
    const option = schema.options.find((o) => o.entries?.[schema.key!]?.literal === tag);
    // No option matches the tag: keep the keys any option knows, so the schema reports the tag itself.
    const entries = option?.entries ?? mergeEntries(schema.options);
    return copyKnown(value, entries, path, report, options);
  }
  if (schema.type === 'array' && schema.item) {
    if (!Array.isArray(value)) return fallback(value, path, report, options);
    const max = schema.pipe?.find((a) => a.kind === 'validation' && a.type === 'max_length');
    if (max && typeof max.requirement === 'number' && value.length > max.requirement) {
      const what = typeof max.message === 'string' ? max.message : `at most ${max.requirement} items`;
      report.errors.push({ path, message: `${value.length.toLocaleString('en-US')} found; ${what} are allowed` });
      return [];
    }
    const item = schema.item;
    return value.map((x, i) => walk(x, item, `${path}[${i}]`, report, options));
  }
  return fallback(value, path, report, options);
}

function mergeEntries(options: readonly SchemaLike[]): Record<string, SchemaLike> {
  const merged: Record<string, SchemaLike> = {};
  for (const option of options) {
    for (const key of Object.keys(option.entries ?? {})) {
      if (!Object.hasOwn(merged, key)) merged[key] = option.entries![key]!;
    }
  }
  return merged;
}

function copyKnown(
  value: Record<string, unknown>,
  entries: Record<string, SchemaLike>,
  path: string,
  report: ProjectReport,
  options: ProjectOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const keyPath = childPath(path, key);
    if (DANGEROUS_KEYS.has(key) || !Object.hasOwn(entries, key)) {
      report.dropped.push(keyPath);
      continue;
    }
    const copied = walk(value[key], entries[key]!, keyPath, report, options);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}

/** A value the schema does not describe as a container: primitives as they are; containers minus dangerous keys. */
function fallback(value: unknown, path: string, report: ProjectReport, options: ProjectOptions): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (options.leavesOnly) {
    report.dropped.push(path);
    return undefined;
  }
  if (Array.isArray(value)) return value.map((x, i) => fallback(x, `${path}[${i}]`, report, options));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const keyPath = childPath(path, key);
    if (DANGEROUS_KEYS.has(key)) {
      report.dropped.push(keyPath);
      continue;
    }
    out[key] = fallback((value as Record<string, unknown>)[key], keyPath, report, options);
  }
  return out;
}
