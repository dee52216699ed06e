import * as fs from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { seedDemoData } from '../../src/demo';
import { createGatewaySchema } from '../../src/graphql';
import { createServices, readConfig } from '../../src/app';
import { createGateway, type Gateway } from '../../src/server';
import { EXAMPLE_OPERATIONS } from '../../src/server/ide/exampleOperations';
import { API_KEY_PLACEHOLDER } from '../../src/server/ide/graphiqlLandingPage';
import { loadXdmProject } from '../../src/xdm';

/** Debian's Chromium (`apt-get install chromium`); never a browser build downloaded by Playwright. */
const CHROMIUM = '/usr/bin/chromium';
const ANALYST_KEY = 'analyst-ide-test-key-0123456789abcdef';

// Launching Chromium and loading the editor takes seconds on a busy 2-core machine; the run stays well under a minute.
jest.setTimeout(60_000);

/**
 * The analyst's IDE as a person uses it: Chromium opens GET /graphql on a
 * real gateway (API keys required, demo people seeded), the analyst pastes
 * their key into the Headers editor and runs the example lookup tab. The
 * page must work with nothing but the gateway: every request it makes is
 * recorded, and none may leave 127.0.0.1.
 */
describe('the GraphQL IDE in a browser', () => {
  let gateway: Gateway;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the IDE browser test needs Debian's Chromium; install it with: apt-get install -y --no-install-recommends chromium`,
      );
    }
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      AUTH_MODE: 'apiKey',
      DATA_DIR: 'off',
      API_KEYS: JSON.stringify([{ key: ANALYST_KEY, role: 'analyst', name: 'IDE test analyst' }]),
    });
    const project = loadXdmProject();
    const services = await createServices(config, project);
    // Person 4 is the one the example tabs look up.
    await seedDemoData(services.ingestion, { profiles: 5 });
    gateway = await createGateway(createGatewaySchema(project.compositions), config, services, { warn: () => undefined });
    url = await gateway.listen();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('serves a page that loads nothing from outside the gateway', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Anything the page would load: src/href attributes, CSS url() and @import. (The inlined
    // bundle also holds URLs as plain strings, XML namespaces and docs links, that it never loads.)
    const external = [...html.matchAll(/(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)(https?:\/\/[^"')\s]+)/gi)].map(
      (match) => match[1],
    );
    expect(external).toEqual([]);
    for (const { query } of EXAMPLE_OPERATIONS) expect(html).toContain(JSON.stringify(query).slice(1, 60));
  });

  it('runs the example lookup with the analyst key pasted into Headers, and shows the profile', async () => {
    const lookup = EXAMPLE_OPERATIONS[0]?.query as string;
    const direct = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': ANALYST_KEY },
      body: JSON.stringify({ query: lookup }),
    });
    const expected = (await direct.json()) as {
      data: { profile: { person: { name: { firstName: string; lastName: string } }; identities: { id: string }[] } };
    };
    const { firstName, lastName } = expected.data.profile.person.name;
    expect(firstName).toEqual(expect.any(String));

    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    try {
      await page.goto(url, { waitUntil: 'load' });
      // The page opens on the example tabs, with the Headers editor asking for the key.
      await expect(page.locator('.graphiql-tab').first().textContent()).resolves.toContain('LookupByPhone');
      const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden)');
      await headersEditor.getByText(API_KEY_PLACEHOLDER).waitFor({ timeout: 20_000 });

      await typeKey(page, headersEditor);
      await page.locator('.graphiql-execute-button').click();

      const result = page.locator('.graphiql-response');
      await result.getByText(`"${firstName}"`).waitFor({ timeout: 20_000 });
      const shown = (await result.innerText()).replace(/\s+/g, ' ');
      expect(shown).toContain(`"firstName": "${firstName}"`);
      expect(shown).toContain(`"lastName": "${lastName}"`);
      expect(shown).not.toContain('UNAUTHENTICATED');
    } finally {
      await page.close();
    }

    const origin = new URL(url).origin;
    expect(requested.length).toBeGreaterThan(0);
    // blob: URLs are the editor's inlined workers, served from the page itself.
    const elsewhere = requested.filter((address) => new URL(address.startsWith('blob:') ? address.slice('blob:'.length) : address).origin !== origin);
    expect(elsewhere).toEqual([]);
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('loads the Docs pane once a key is pasted, without a re-fetch by hand', async () => {
    const page = await browser.newPage();
    const introspections: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && (request.postData() ?? '').includes('__schema')) introspections.push(request.headers()['x-api-key']);
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden)');
      await headersEditor.getByText(API_KEY_PLACEHOLDER).waitFor({ timeout: 20_000 });
      await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
      const docs = page.locator('.graphiql-doc-explorer');
      // Without a key the gateway refuses the page's first introspection.
      await docs.getByText('Error fetching schema').waitFor({ timeout: 20_000 });

      await typeKey(page, headersEditor);

      await docs.getByText('Root Types').waitFor({ timeout: 20_000 });
      const shown = (await docs.innerText()).replace(/\s+/g, ' ');
      expect(shown).toContain('query: Query');
      expect(shown).not.toContain('Error fetching schema');
      // The page's own introspection went without a key; the one that filled the pane, with it.
      expect(introspections[0]).toBe(API_KEY_PLACEHOLDER);
      expect(introspections.at(-1)).toBe(ANALYST_KEY);
    } finally {
      await page.close();
    }
  });
});

/** Replaces the Headers editor's text with the analyst key, typed key by key as a person would. */
async function typeKey(page: Page, headersEditor: Locator): Promise<void> {
  await headersEditor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // The editor closes brackets and quotes, and types over them.
  await page.keyboard.type(JSON.stringify({ 'x-api-key': ANALYST_KEY }));
  await expect(headersEditor.innerText()).resolves.toMatch(new RegExp(`^\\s*(?:1\\s*)?\\{"x-api-key":"${ANALYST_KEY}"\\}\\s*$`));
}
