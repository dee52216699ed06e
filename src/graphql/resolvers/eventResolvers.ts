import { identityKey, readRecordIdentities } from '../../identity';
import type { Identity, Resolvers } from '../generated/types';

/** The fields of an experience event that are not read from its record by key. */
export const eventResolvers: Resolvers = {
  ExperienceEvent: {
    /**
     * The usable identities of the event's `identityMap`, in its order.
     * `primary` is the record's own flag; when no identity carries it, the
     * one of the highest-priority namespace is the primary (as on a profile).
     */
    identities: (event, _args, { services }) => {
      const { identities } = readRecordIdentities(event, services.rules);
      if (identities.some((identity) => identity.primary)) return identities.map(({ namespace, id, primary }): Identity => ({ namespace, id, primary }));
      const primary = identities.length === 0 ? undefined : services.rules.primaryOf(identities.map((identity) => identityKey(identity)));
      return identities.map(({ namespace, id }): Identity => ({ namespace, id, primary: identityKey({ namespace, id }) === primary }));
    },
  },
};
