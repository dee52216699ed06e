import { setImmediate } from 'node:timers/promises';
import { compareCodePoints } from '../text';
import { parseIdentityKey } from './identityKey';
import type { IdentityLink } from './IdentityLink';
import type { IdentityRules } from './IdentityRules';

/** A link that was not followed, and why. */
export interface SkippedLink {
  readonly link: IdentityLink;
  /**
   * Why, in words that name namespaces and rules only, never an identity
   * value: the reason is a text derived from identities, served to callers
   * who may not read identity values (`Identity.id` is labelled).
   */
  readonly reason: string;
  /** The identity of the graph that holds the unique namespace the link would have added a second one of. */
  readonly holderKey: string;
}

/** The identity graph found from one start identity. */
export interface IdentityGraphWalk {
  /** Identity keys, the start first, then in the order they were reached. */
  readonly identityKeys: readonly string[];
  /**
   * Every link between two identities of the graph, each once (in the
   * direction it was first read; no self links): several records may link
   * the same pair, and each such link is listed.
   */
  readonly links: readonly IdentityLink[];
  /** Links not followed because they would put two identities of a unique namespace in one graph. */
  readonly skipped: readonly SkippedLink[];
  /**
   * Every link read from an identity of the graph, self links and links out
   * of the graph included: each names a record (`datasetId`, `recordId`) that
   * carries its `fromKey`, so a profile's fragments can be read by id.
   */
  readonly recordLinks: readonly IdentityLink[];
  /** Whether the start identity appears in any link (i.e. some record carries it). */
  readonly known: boolean;
  /** Whether the graph has more identities than the guardrail allows (the walk stopped there). */
  readonly tooLarge: boolean;
}

/** Reads the links of many identities at once: one `$in` query. */
export type FetchLinks = (fromKeys: readonly string[]) => Promise<readonly IdentityLink[]>;

interface WalkState {
  readonly keys: string[];
  readonly inGraph: Set<string>;
  /** Unique-per-graph namespace → the key of its identity in this graph. */
  readonly uniqueHolders: Map<string, string>;
  /** Every link read for this walk. */
  readonly read: IdentityLink[];
  readonly skipped: SkippedLink[];
  frontier: string[];
  known: boolean;
  tooLarge: boolean;
}

/**
 * Walks the identity graphs of several start identities together, breadth
 * first: each level reads the links of every walk's frontier with one
 * `fetchLinks` call, so a request costs one query per level whatever the
 * number of profiles it looks up; and each identity's links are read once
 * for all walks, so many identities of one graph read that graph once (a
 * level whose keys are all read already sends no query).
 *
 * Over-merge protection: a graph never holds two identities of a namespace
 * that is unique per graph. Within a level, links are considered in this
 * order: identities of higher-priority namespaces first (priority 1 first),
 * then newer links first, then by identity key; a link to a second identity
 * of a unique namespace is not followed (it is reported in `skipped`). Closer
 * identities are always considered before farther ones, so two CRMIDs that
 * share a device stay two graphs, and the device belongs to each looked-up
 * person's graph. The walk stops as soon as a graph would exceed
 * `rules.maxGraphSize` identities (`tooLarge`).
 */
export async function traverseIdentityGraphs(
  startKeys: readonly string[],
  fetchLinks: FetchLinks,
  rules: IdentityRules,
): Promise<Map<string, IdentityGraphWalk>> {
  const walks = new Map<string, WalkState>();
  for (const start of startKeys) {
    if (walks.has(start)) continue;
    const { namespace } = parseIdentityKey(start);
    const uniqueHolders = new Map<string, string>();
    if (rules.isUniquePerGraph(namespace)) uniqueHolders.set(namespace, start);
    walks.set(start, {
      keys: [start],
      inGraph: new Set([start]),
      uniqueHolders,
      read: [],
      skipped: [],
      frontier: [start],
      known: false,
      tooLarge: false,
    });
  }

  // The links of every key read so far: walks of one graph started from several of its identities
  // reach each other's keys at different levels, and each key's links are read once, not once per walk.
  const byFrom = new Map<string, IdentityLink[]>();
  for (let level = 0; ; level += 1) {
    const active = [...walks.values()].filter((walk) => walk.frontier.length > 0 && !walk.tooLarge);
    if (active.length === 0) break;
    const wanted = [...new Set(active.flatMap((walk) => walk.frontier))].filter((key) => !byFrom.has(key));
    if (wanted.length > 0) {
      for (const key of wanted) byFrom.set(key, []);
      for (const link of await fetchLinks(wanted)) byFrom.get(link.fromKey)?.push(link);
    }
    let handled = 0;
    for (const walk of active) {
      handled += advance(walk, byFrom, level, rules);
      // Many walks through a big graph are long in-process work: the event loop serves others meanwhile.
      if (handled >= LINKS_BETWEEN_YIELDS) {
        handled = 0;
        await setImmediate();
      }
    }
  }

  const result = new Map<string, IdentityGraphWalk>();
  for (const [start, walk] of walks) {
    result.set(start, {
      identityKeys: walk.keys,
      links: linksWithin(walk),
      skipped: walk.skipped,
      recordLinks: walk.read,
      known: walk.known,
      tooLarge: walk.tooLarge,
    });
  }
  return result;
}

/** Links considered between two yields to the event loop. */
const LINKS_BETWEEN_YIELDS = 2000;

/** Advances one walk by a level; returns how many links it considered. */
function advance(walk: WalkState, byFrom: ReadonlyMap<string, IdentityLink[]>, level: number, rules: IdentityRules): number {
  const candidates = walk.frontier.flatMap((key) => byFrom.get(key) ?? []);
  if (level === 0 && candidates.length > 0) walk.known = true;
  walk.read.push(...candidates);
  walk.frontier = [];
  const ordered = candidates
    .filter((link) => link.toKey !== link.fromKey && !walk.inGraph.has(link.toKey))
    .map((link) => ({ link, namespace: parseIdentityKey(link.toKey).namespace }))
    .sort(
      (a, b) =>
        rules.priority(a.namespace) - rules.priority(b.namespace) ||
        b.link.linkedAt.getTime() - a.link.linkedAt.getTime() ||
        compareCodePoints(a.link.toKey, b.link.toKey) ||
        compareCodePoints(a.link.fromKey, b.link.fromKey),
    );
  for (const { link, namespace } of ordered) {
    if (walk.inGraph.has(link.toKey)) continue;
    const holder = walk.uniqueHolders.get(namespace);
    if (holder !== undefined) {
      walk.skipped.push({
        link,
        reason: `${namespace} is unique per graph and the graph already holds another ${namespace} identity`,
        holderKey: holder,
      });
      continue;
    }
    if (walk.keys.length >= rules.maxGraphSize) {
      walk.tooLarge = true;
      return candidates.length;
    }
    if (rules.isUniquePerGraph(namespace)) walk.uniqueHolders.set(namespace, link.toKey);
    walk.inGraph.add(link.toKey);
    walk.keys.push(link.toKey);
    walk.frontier.push(link.toKey);
  }
  return candidates.length;
}

/** The links read whose two ends are both in the graph, each record's link of a pair once. */
function linksWithin(walk: WalkState): IdentityLink[] {
  const seen = new Set<string>();
  const links: IdentityLink[] = [];
  for (const link of walk.read) {
    if (link.fromKey === link.toKey || !walk.inGraph.has(link.fromKey) || !walk.inGraph.has(link.toKey)) continue;
    const [a, b] = link.fromKey < link.toKey ? [link.fromKey, link.toKey] : [link.toKey, link.fromKey];
    const id = [link.datasetId, link.recordId, a, b].join('\u0000');
    if (seen.has(id)) continue;
    seen.add(id);
    links.push(link);
  }
  return links;
}
