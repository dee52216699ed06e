import { type CountryCode, isSupportedCountry } from 'libphonenumber-js';
import { compareCodePoints } from '../text';
import { parseIdentityKey } from './identityKey';
import type { IdentityNamespace } from './IdentityNamespace';
import { type NormalizedId, normalizeIdentityId } from './normalizeIdentityId';

/** How identities link into graphs; options of the identity graph. */
export interface IdentityRulesOptions {
  /**
   * The most identities one graph may hold; a stitched lookup of a larger
   * graph fails with `IDENTITY_GRAPH_TOO_LARGE` (as AEP's 50-identity guardrail).
   * @default 50
   */
  readonly maxGraphSize?: number;
  /**
   * Values that never identify anyone and never link anything, besides the
   * built-in ones (empty, `null`, `undefined`, `0`, `-1`, `anonymous`, any
   * case, after trimming). Each pattern must match the whole value.
   * @default []
   */
  readonly blockedValuePatterns?: readonly (string | RegExp)[];
  /**
   * Region (ISO 3166 alpha-2, e.g. `PT`) of a phone number written without
   * its country code, for namespaces normalized `PHONE_E164`; empty: such a
   * number is refused.
   * @default ''
   */
  readonly phoneDefaultRegion?: string;
}

const BUILT_IN_BLOCKED = new Set(['', 'null', 'undefined', '0', '-1', 'anonymous']);

/**
 * The identity rules in force: namespaces by code, the graph-size guardrail
 * and the blocked values. Built once at start-up from validated options.
 */
export class IdentityRules {
  readonly maxGraphSize: number;
  private readonly namespaces: ReadonlyMap<string, IdentityNamespace>;
  private readonly blockedPatterns: readonly RegExp[];
  private readonly phoneDefaultRegion: CountryCode | undefined;

  constructor(namespaces: readonly IdentityNamespace[], options: IdentityRulesOptions = {}) {
    this.namespaces = new Map(namespaces.map((namespace) => [namespace.code, namespace]));
    this.maxGraphSize = options.maxGraphSize ?? 50;
    if (!Number.isInteger(this.maxGraphSize) || this.maxGraphSize < 1) {
      throw new RangeError(`maxGraphSize must be a whole number of at least 1, got ${String(options.maxGraphSize)}`);
    }
    this.blockedPatterns = (options.blockedValuePatterns ?? []).map(toWholeValuePattern);
    const region = options.phoneDefaultRegion ?? '';
    if (region !== '' && !isSupportedCountry(region)) {
      throw new RangeError(
        `the default phone region (IDENTITY_PHONE_DEFAULT_REGION) must be a region code such as PT or US, got ${JSON.stringify(region)}`,
      );
    }
    this.phoneDefaultRegion = region === '' ? undefined : region;
  }

  /**
   * An identity value as its namespace writes it (`Email`: trimmed, lower
   * case; `Phone`: E.164), or why it cannot be one. An unknown namespace
   * keeps the value: the caller reports the namespace.
   */
  normalize(namespaceCode: string, value: string): NormalizedId {
    const namespace = this.namespaces.get(namespaceCode);
    if (namespace === undefined) return { ok: true, id: value };
    return normalizeIdentityId(namespace.normalization, value, { phoneDefaultRegion: this.phoneDefaultRegion });
  }

  /** The namespace with this code, or `undefined`. */
  namespace(code: string): IdentityNamespace | undefined {
    return this.namespaces.get(code);
  }

  /** Codes of every namespace, by priority, for messages. */
  namespaceCodes(): string[] {
    return [...this.namespaces.values()].sort((a, b) => a.priority - b.priority).map((namespace) => namespace.code);
  }

  /** Whether a value is one that identifies nobody (and so links nothing). */
  isBlockedValue(value: string): boolean {
    const trimmed = value.trim();
    return BUILT_IN_BLOCKED.has(trimmed.toLowerCase()) || this.blockedPatterns.some((pattern) => pattern.test(trimmed));
  }

  /** Priority of a namespace code; unknown namespaces rank last. */
  priority(code: string): number {
    return this.namespaces.get(code)?.priority ?? Number.POSITIVE_INFINITY;
  }

  isUniquePerGraph(code: string): boolean {
    return this.namespaces.get(code)?.uniquePerGraph ?? false;
  }

  /**
   * Identity keys in the order a profile lists them: highest-priority
   * namespace first (so the primary identity first), then by id in
   * code-point order. A new array.
   */
  byPriority(identityKeys: readonly string[]): string[] {
    const rank = (key: string) => this.priority(parseIdentityKey(key).namespace);
    return [...identityKeys].sort((a, b) => rank(a) - rank(b) || compareCodePoints(parseIdentityKey(a).id, parseIdentityKey(b).id));
  }

  /**
   * The primary identity among identity keys: the one of the highest-priority
   * namespace; the first given among equals. `undefined` for none.
   */
  primaryOf(identityKeys: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestPriority = Number.POSITIVE_INFINITY;
    for (const key of identityKeys) {
      const priority = this.priority(key.slice(0, key.indexOf(':')));
      if (best === undefined || priority < bestPriority) {
        best = key;
        bestPriority = priority;
      }
    }
    return best;
  }
}

function toWholeValuePattern(pattern: string | RegExp): RegExp {
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  try {
    return new RegExp(`^(?:${source})$`, typeof pattern === 'string' ? 'i' : pattern.flags.replace(/[gy]/g, ''));
  } catch (error) {
    throw new SyntaxError(`blocked identity pattern ${JSON.stringify(source)} is not a valid regular expression: ${(error as Error).message}`, { cause: error });
  }
}
