/**
 * A script for the IDE page when requests need an API key. GraphiQL fetches
 * the schema once, when the page opens: without a key that fetch is refused,
 * and the Docs pane said "Error fetching schema" until the analyst re-fetched
 * it by hand. This script watches the Headers editor and, once it holds a key
 * (an `x-api-key` or `authorization` value other than the placeholder), and
 * each time that key changes, presses GraphiQL's own "Re-fetch GraphQL schema"
 * button, which introspects with the headers as they are now.
 *
 * It reads the editor's rendered text (GraphiQL keeps its editors' models to
 * itself), waits for typing to pause, and never sends the key anywhere
 * GraphiQL would not: the re-fetch is GraphiQL's request to this gateway.
 */
export function schemaRefetchOnKeyScript(placeholder: string): string {
  return `(() => {
  const PLACEHOLDER = ${JSON.stringify(placeholder)};
  const KEY = /"(?:x-api-key|authorization)"\\s*:\\s*"([^"]+)"/i;
  let fetchedWith = null;
  let timer = null;
  function keyInHeaders() {
    const editor = document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines');
    if (editor === null) return null;
    const match = KEY.exec(editor.textContent.replace(/\\u00a0/g, ' '));
    const key = match === null ? '' : match[1].trim();
    return key === '' || key.includes(PLACEHOLDER) ? null : key;
  }
  function refetchIfKeyChanged() {
    const key = keyInHeaders();
    if (key === null || key === fetchedWith) return;
    const button = document.querySelector('.graphiql-sidebar button[aria-label^="Re-fetch GraphQL schema"]');
    if (button === null) return;
    fetchedWith = key;
    button.click();
  }
  new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(refetchIfKeyChanged, 400);
  }).observe(document.getElementById('root'), { subtree: true, childList: true, characterData: true });
})();`;
}
