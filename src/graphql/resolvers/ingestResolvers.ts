import { GatewayError } from '../GatewayError';
import type { Resolvers } from '../generated/types';

/** `ingest`: the GraphQL door of the ingestion pipeline, for small batches (the HTTP door streams large ones). */
export const ingestResolvers: Resolvers = {
  Mutation: {
    ingest: async (_parent, { datasetId, records }, { services }) => {
      if (records.length > services.maxRecordsPerCall) {
        throw new GatewayError(
          'TOO_MANY_RECORDS',
          `one ingest call takes at most ${services.maxRecordsPerCall} records, got ${records.length}; send more calls, or stream them to POST /ingest/${datasetId}`,
          { extensions: { limit: services.maxRecordsPerCall } },
        );
      }
      // The first DEFAULT_LISTED_REJECTIONS are listed, every one is counted (rejectedCount).
      const result = await services.ingestion.ingest(datasetId, records, { door: 'graphql' });
      return { accepted: result.accepted, rejectedCount: result.rejectedCount, rejected: [...result.rejected] };
    },
  },
};
