import type { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EXAMPLE_OPERATIONS } from './exampleOperations';
import { schemaRefetchOnKeyScript } from './schemaRefetchOnKeyScript';

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
 * pasted on a shared machine is gone when the tab closes; once a key is in
 * the Headers editor, the schema (the Docs pane) is fetched again with it.
 * The page is rendered once, at start-up.
 */
export function graphiqlLandingPage(options: GraphiqlLandingPageOptions = {}): ApolloServerPlugin {
  const headers = options.apiKeyRequired === true ? JSON.stringify({ 'x-api-key': API_KEY_PLACEHOLDER }, null, 2) : '{}';
  const page = renderGraphiQL({
    title: 'Profile gateway',
    endpoint: '/graphql',
    defaultTabs: EXAMPLE_OPERATIONS.map((operation) => ({ ...operation, headers })),
    headers,
    defaultHeaders: headers,
    shouldPersistHeaders: false,
    ...(options.apiKeyRequired === true ? { defaultEditorToolsVisibility: 'headers' as const } : {}),
  });
  const html = options.apiKeyRequired === true ? withScript(page, schemaRefetchOnKeyScript(API_KEY_PLACEHOLDER)) : page;
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

/** The page with `script` run after GraphiQL's own, at the end of its body. */
function withScript(page: string, script: string): string {
  const end = page.lastIndexOf('</body>');
  if (end < 0) throw new Error('the GraphiQL page has no </body>: @graphql-yoga/render-graphiql changed its template');
  return `${page.slice(0, end)}<script>\n${script}\n</script>\n${page.slice(end)}`;
}
