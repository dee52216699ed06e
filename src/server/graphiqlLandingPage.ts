import type { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EXAMPLE_OPERATIONS } from './exampleOperations';

/**
 * `GET /graphql` from a browser: GraphiQL, entirely from the npm package
 * (scripts, styles and editor workers inlined: nothing is fetched from
 * anywhere but this gateway), opened on the example operations. The page is
 * rendered once, at start-up.
 */
export function graphiqlLandingPage(): ApolloServerPlugin {
  const html = renderGraphiQL({
    title: 'Profile gateway',
    endpoint: '/graphql',
    defaultTabs: EXAMPLE_OPERATIONS.map((operation) => ({ ...operation })),
  } as Parameters<typeof renderGraphiQL>[0]);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
