import type { z } from 'zod';
import { manifestSchema, type Manifest } from '../contract';
import { clip, FileRejected, type Problem } from './problems';

const DOCS = 'See "Data contract: manifest" in docs/data-contract.md for what each field holds.';

/** Validates a manifest against the one schema, turning each schema issue into a problem with its path. */
export function parseManifest(file: string, json: unknown): Manifest {
  const result = manifestSchema.safeParse(json);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.slice(0, 20).map((issue) => {
    const path = clip(pathText(json, issue.path), 100);
    return { file, severity: 'error', ...(path ? { column: path } : {}), ...describe(json, issue, path) };
  });
  if (result.error.issues.length > 20) {
    problems.push({ file, severity: 'error', message: `and ${result.error.issues.length - 20} more problems.`, fix: DOCS });
  }
  throw new FileRejected(problems);
}

/** `indicators[0] (vwi).tier`: the index says where, the id says which one a person would recognise. */
function pathText(json: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = json;
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined;
      const label = labelOf(node);
      out += `[${key}]${label ? ` (${label})` : ''}`;
    } else {
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
      out += `${out ? '.' : ''}${String(key)}`;
    }
  }
  return out;
}

function labelOf(node: unknown): string | null {
  if (node === null || typeof node !== 'object') return null;
  const o = node as Record<string, unknown>;
  const label = o.id ?? o.level;
  return typeof label === 'string' && label !== '' ? clip(label, 30) : null;
}

/**
 * A value from the manifest as a message shows it: JSON, cut at `max` characters. Written out only as far as
 * it is shown, so a structure nested thousands deep or megabytes long costs no more than a short one.
 */
export function jsonPreview(value: unknown, max = 60): string {
  let out = '';
  const full = () => out.length > max;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) out += ',';
        walk(v[i]);
      }
      out += ']';
    } else if (v !== null && typeof v === 'object') {
      out += '{';
      let first = true;
      for (const key in v) {
        if (full()) break;
        out += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        walk((v as Record<string, unknown>)[key]);
      }
      out += '}';
    } else out += JSON.stringify(v) ?? 'missing';
  };
  walk(value);
  return clip(out, max);
}
const shown = (value: unknown) => jsonPreview(value);

const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let node = json;
  for (const key of path)
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** What is wrong, said in terms of the manifest's own fields, and what to write instead. */
function describe(json: unknown, issue: z.core.$ZodIssue, path: string): { message: string; fix: string } {
  const where = path ? `"${path}"` : 'the manifest';
  const last = issue.path[issue.path.length - 1];
  const value = valueAt(json, issue.path);
  if (issue.code === 'invalid_type' && value === undefined) {
    return {
      message: `${where} is missing (it must be ${article(issue.expected)}).`,
      fix: `Add "${String(last)}" there. ${DOCS}`,
    };
  }
  if (issue.code === 'invalid_type') {
    return { message: `${where} must be ${article(issue.expected)}, but is ${shown(value)}.`, fix: DOCS };
  }
  if (issue.code === 'invalid_value') {
    const allowed = clip(issue.values.map((v) => JSON.stringify(v)).join(', '), 160);
    return {
      message: `${where} is ${shown(value)}, which is not allowed.`,
      fix: `Use one of: ${allowed}.`,
    };
  }
  if (issue.code === 'custom' && last === 'dataset') {
    return {
      message: `${where} ${issue.message}.`,
      fix: `Add a dataset with that id under "datasets", or correct the indicator's "dataset".`,
    };
  }
  if (issue.code === 'custom' && last === 'parentLevel') {
    return {
      message: `${where} ${issue.message}.`,
      fix: 'Declare that level under "geographies" as well, or correct "parentLevel" (null for the top level).',
    };
  }
  return { message: `${where} ${clip(issue.message.replace(/^Invalid input: /, 'is invalid: '), 160)}.`, fix: DOCS };
}
