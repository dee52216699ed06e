import type { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EXAMPLE_OPERATIONS } from './exampleOperations';

/** What the IDE page needs to know of the gateway. */
export interface GraphiqlLandingPageOptions {
  /**
   * Requests need an API key (`AUTH_MODE=apiKey`): the page opens with the
   * Headers editor showing `{"x-api-key": "…"}` for the analyst to paste
   * their key into. With open access the headers start empty.
   * @default false
   */
  readonly apiKeyRequired?: boolean;
}

/** The placeholder of the analyst's key in the Headers editor; a request sent with it is refused 401. */
export const API_KEY_PLACEHOLDER = 'paste your analyst API key here';

/**
 * `GET /graphql` from a browser: GraphiQL, entirely from the npm package
 * (scripts, styles and editor workers inlined: nothing is fetched from
 * anywhere but this gateway), opened on the example operations, one tab
 * each. Headers are not persisted in the browser's storage, so an API key
 * pasted on a shared machine is gone when the tab closes. The page is
 * rendered once, at start-up.
 */
export function graphiqlLandingPage(options: GraphiqlLandingPageOptions = {}): ApolloServerPlugin {
  const headers = options.apiKeyRequired === true ? JSON.stringify({ 'x-api-key': API_KEY_PLACEHOLDER }, null, 2) : '{}';
  const html = renderGraphiQL({
    title: 'Profile gateway',
    endpoint: '/graphql',
    defaultTabs: EXAMPLE_OPERATIONS.map((operation) => ({ ...operation, headers })),
    headers,
    defaultHeaders: headers,
    shouldPersistHeaders: false,
    ...(options.apiKeyRequired === true ? { defaultEditorToolsVisibility: 'headers' as const } : {}),
  });
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
