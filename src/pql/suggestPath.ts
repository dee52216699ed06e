import type { XdmObjectType, XdmType } from '../xdm';
import { resolveXdmPath } from './resolveXdmPath';

/**
 * A near path for an unknown one, or `null`: first a sibling key within a
 * small edit distance of the bad segment (`loyalty.teir` → `loyalty.tier`,
 * case ignored), else a field anywhere in the tree whose key is the bad
 * segment (`firstName` → `person.name.firstName`).
 */
export function suggestPath(root: XdmObjectType, segments: readonly string[], failedAt: number, candidates: readonly string[]): string | null {
  const bad = segments[failedAt] ?? '';
  const prefix = segments.slice(0, failedAt);
  const rest = segments.slice(failedAt + 1);
  const sibling = nearest(bad, candidates);
  if (sibling !== null) {
    const whole = [...prefix, sibling, ...rest];
    return resolveXdmPath(root, whole).found ? whole.join('.') : [...prefix, sibling].join('.');
  }
  const elsewhere = findKey(root, bad.toLowerCase(), [], 0);
  if (elsewhere === null) return null;
  const whole = [...elsewhere, ...rest];
  return resolveXdmPath(root, whole).found ? whole.join('.') : elsewhere.join('.');
}

/** The candidate closest to `word`, if close enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// Breadth matters more than depth here: the profile tree is a few hundred
// fields, and a depth bound keeps recursive data types from being walked forever.
const MAX_DEPTH = 6;

function findKey(type: XdmType, lowerKey: string, path: readonly string[], depth: number): string[] | null {
  if (depth > MAX_DEPTH) return null;
  if (type.kind === 'array') return findKey(type.items, lowerKey, path, depth);
  if (type.kind !== 'object') return null;
  for (const key of type.fields.keys()) if (key.toLowerCase() === lowerKey) return [...path, key];
  for (const [key, field] of type.fields) {
    const found = findKey(field.type, lowerKey, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const previous = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (rows[i - 2] as number[])[j - 2] as number + 1);
      row.push(value);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}
