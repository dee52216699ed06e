import { type IdentityLink, parseIdentityKey, traverseIdentityGraphs } from '../../identity';
import { GatewayError } from '../GatewayError';
import type { GatewayServices } from '../GatewayContext';
import type { Identity, Resolvers } from '../generated/types';
import { identityInputKey } from './identityInput';

/** The identity graph of one identity, and the privacy erase of one identity. */
export const identityResolvers: Resolvers = {
  Query: {
    identityGraph: async (_parent, { identity }, { services }) => {
      const key = identityInputKey(identity, services.rules);
      const walk = (await traverseIdentityGraphs([key], (keys) => services.store.findLinksFrom(keys), services.rules)).get(key);
      if (walk === undefined || !walk.known) return null;
      if (walk.tooLarge) throw tooLarge(key, services);
      // The primary identity is the one Profile.identities lists first (the same set: the stitched graph).
      const primary = services.rules.byPriority(walk.identityKeys)[0];
      const toIdentity = (identityKeyValue: string): Identity => ({ ...parseIdentityKey(identityKeyValue), primary: identityKeyValue === primary });
      const toLink = (link: IdentityLink) => ({ from: toIdentity(link.fromKey), to: toIdentity(link.toKey), datasetId: link.datasetId, recordId: link.recordId });
      return {
        identities: walk.identityKeys.map(toIdentity),
        links: walk.links.map(toLink),
        skippedLinks: walk.skipped.map(({ link, reason, holderKey }) => ({ ...toLink(link), reason, heldBy: toIdentity(holderKey) })),
      };
    },
  },
  Mutation: {
    deleteIdentity: async (_parent, { identity }, { services }) => {
      const key = identityInputKey(identity, services.rules);
      // Memberships are stored under their graph's canonical key, which may be any key of the graph.
      const graph = (await traverseIdentityGraphs([key], (keys) => services.store.findLinksFrom(keys), services.rules)).get(key);
      const graphKeys = graph?.known === true ? graph.identityKeys : [key];
      let removed = 0;
      const neighbours = new Set<string>();
      for (const dataset of await services.store.listDatasets()) {
        const records = await services.store.findRecordsByIdentity(dataset.id, [key], { fields: [] });
        if (records.length === 0) continue;
        for (const record of records) for (const other of record.identityKeys) if (other !== key) neighbours.add(other);
        // deleteRecords removes the records' links first: an erase stopped half-way is finished by a retry.
        removed += await services.store.deleteRecords(dataset.id, records.map((record) => record.recordId));
      }
      // Memberships remember their graph's identities: those naming the erased one go, and what is
      // left of the graph is evaluated afresh (every segment), as the profile it now is.
      const memberships = (await services.store.segments.findMemberships(graphKeys)).filter((membership) => membership.identityKeys.includes(key));
      if (memberships.length > 0) await services.store.segments.deleteMemberships([...new Set(memberships.map((membership) => membership.profileKey))]);
      if (neighbours.size > 0) await services.segments.evaluateIdentities([...neighbours], 'ALL');
      return removed;
    },
  },
};

export function tooLarge(key: string, services: GatewayServices): GatewayError {
  return new GatewayError(
    'IDENTITY_GRAPH_TOO_LARGE',
    `too many related identities: the identity graph of ${key} has more than ${services.rules.maxGraphSize} identities (IDENTITY_GRAPH_MAX_SIZE)`,
    { extensions: { limit: services.rules.maxGraphSize } },
  );
}
