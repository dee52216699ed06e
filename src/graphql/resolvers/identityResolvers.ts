import { type IdentityLink, parseIdentityKey, traverseIdentityGraphs } from '../../identity';
import { ProfileError } from '../../profiles';
import type { Identity, Resolvers } from '../generated/types';
import { identityInputKey } from './identityInput';

/** The identity graph of one identity, and the privacy erase of one identity. */
export const identityResolvers: Resolvers = {
  Query: {
    identityGraph: async (_parent, { identity }, { services }) => {
      const key = identityInputKey(identity, services.rules);
      const walk = (await traverseIdentityGraphs([key], (keys) => services.store.findLinksFrom(keys), services.rules)).get(key);
      if (walk === undefined || !walk.known) return null;
      if (walk.tooLarge) throw ProfileError.graphTooLarge(key, services.rules.maxGraphSize);
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
    deleteIdentity: (_parent, { identity }, { services }) => services.segments.eraseIdentity(identityInputKey(identity, services.rules)),
  },
};
