import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { demoIdentities, seedDemoData } from '../../src/demo';
import { createGatewaySchema, type GatewayServices } from '../../src/graphql';
import { createServices, readConfig } from '../../src/app';
import { createGateway, type Gateway } from '../../src/server';
import { loadXdmProject } from '../../src/xdm';

/** Debian's Chromium (`apt-get install chromium`); never a browser build downloaded by Playwright. */
const CHROMIUM = '/usr/bin/chromium';
const FRONTEND_KEY = 'frontend-console-test-key-0123456789';
/** Screenshots and the measured timing: a git-ignored folder (docs/testing.md). */
const ARTIFACTS = path.join(__dirname, '../../.artifacts/browser/console');
/** The agent's goal (issue 13); asserted loosely below, since this machine may be busy. */
const GOAL_MS = 300;
const LOOSE_BOUND_MS = 5_000;
/** The demo person searched: number 5 (index 4) has a newer CRM record (provenance differs by field). */
const PERSON = demoIdentities(4);
/** Events added to person 5's graph so the timeline has pages to scroll (the demo gives at most 11). */
const EXTRA_EVENTS = 45;

// Launching Chromium and walking every flow takes a while on a busy 2-core machine.
jest.setTimeout(120_000);

/** Every flow of the agent console in Chromium, on a real gateway with API keys and demo people. */
describe('the agent console in a browser', () => {
  let gateway: Gateway;
  let services: GatewayServices;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const graphqlBodies: Record<string, unknown>[] = [];
  /** What the page logged as errors (a Content-Security-Policy violation would be one). */
  const pageErrors: string[] = [];
  let expectedName: string;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the console browser test needs Debian's Chromium; install it with: apt-get install -y --no-install-recommends chromium`,
      );
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      AUTH_MODE: 'apiKey',
      API_KEYS: JSON.stringify([{ key: FRONTEND_KEY, role: 'frontend', name: 'agent console' }]),
    });
    const project = loadXdmProject();
    services = await createServices(config, project);
    await seedDemoData(services.ingestion, { profiles: 20 });
    const extra = Array.from({ length: EXTRA_EVENTS }, (_, index) => ({
      _id: `console-test-${index}`,
      timestamp: new Date(Date.parse('2026-10-01T00:00:00Z') - index * 3_600_000).toISOString(),
      identityMap: { ECID: [{ id: PERSON.ecid, primary: true }], Email: [{ id: PERSON.email }] },
      eventType: index % 3 === 0 ? 'commerce.purchases' : 'web.webpagedetails.pageViews',
      ...(index % 3 === 0
        ? {
            commerce: { purchases: { value: 1 }, order: { purchaseID: `console-order-${index}`, priceTotal: 10 + index, currencyCode: 'EUR' } },
            productListItems: [{ SKU: 'S-1', name: 'Socks', priceTotal: 10 + index, quantity: 1 }],
          }
        : { web: { webPageDetails: { name: 'home', pageViews: { value: 1 } } } }),
    }));
    const ingested = await services.ingestion.ingest('web', extra);
    expect(ingested.rejected).toEqual([]);
    await services.streaming.whenIdle();
    await services.segments.evaluateAll();
    gateway = await createGateway(createGatewaySchema(project.compositions), config, services, { warn: () => undefined });
    origin = new URL(await gateway.listen()).origin;

    // What the console must show: the person's merged name, asked of the gateway directly.
    const direct = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': FRONTEND_KEY },
      body: JSON.stringify({
        query: `{ profile(identity: { namespace: "CRMID", id: "${PERSON.crmId}" }) { person { name { firstName lastName } } } }`,
      }),
    });
    const { data } = (await direct.json()) as { data: { profile: { person: { name: { firstName: string; lastName: string } } } } };
    expectedName = `${data.profile.person.name.firstName} ${data.profile.person.name.lastName}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      requested.push(request.url());
      if (new URL(request.url()).pathname === '/graphql') graphqlBodies.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  const searchbox = () => page.getByRole('searchbox');
  const search = async (text: string): Promise<void> => {
    // `/` focuses the box from wherever the focus is (not while typing in a field).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    await expect(searchbox().evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('asks for the frontend key once per browser session, refusing a wrong one', async () => {
    await page.goto(`${origin}/console`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Enter your frontend API key' }).waitFor();
    await shot('01-key-prompt');
    await page.getByRole('textbox', { name: 'Frontend API key' }).fill('not-the-key-0123456789');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('That key was refused').waitFor();
    await page.getByRole('textbox', { name: 'Frontend API key' }).fill(FRONTEND_KEY);
    await page.keyboard.press('Enter');
    await searchbox().waitFor();
    // Kept for the session: a reload does not ask again.
    await page.reload({ waitUntil: 'load' });
    await searchbox().waitFor();
    await expect(page.evaluate(() => Object.values(sessionStorage) as string[])).resolves.toEqual([FRONTEND_KEY]);
    await expect(page.evaluate(() => Object.values(localStorage) as string[])).resolves.toEqual([]);
  });

  it('shows the 360 view of an email within the goal of Enter (measured), in one request', async () => {
    await page.getByRole('combobox', { name: 'Merge policy' }).locator('option').first().waitFor({ state: 'attached' });
    const before = graphqlBodies.length;
    await search(PERSON.email);
    await page.getByRole('heading', { name: expectedName }).waitFor();
    const elapsed = await page.evaluate(() => performance.measure('console:search-to-shown', 'console:search', 'console:shown').duration);
    fs.writeFileSync(
      path.join(ARTIFACTS, 'timing.json'),
      `${JSON.stringify({ measure: 'Enter to profile shown', ms: Math.round(elapsed), goalMs: GOAL_MS }, null, 2)}\n`,
    );
    console.log(`agent console: profile shown ${Math.round(elapsed)} ms after Enter (goal ${GOAL_MS} ms)`);
    expect(elapsed).toBeLessThan(LOOSE_BOUND_MS);
    // Every panel's data came in the one request.
    expect(graphqlBodies.length - before).toBe(1);
    await shot('02-profile-by-email');

    const view = page.getByLabel('Profile');
    await expect(view.getByText('Primary identity').isVisible()).resolves.toBe(true);
    await expect(page.locator('.tier').innerText()).resolves.toMatch(/bronze|silver|gold|platinum/i);
    await expect(page.getByRole('meter').getAttribute('aria-valuetext')).resolves.toMatch(/^(low|medium|high) risk \(\d+%\)$/);
    await expect(view.getByText('Lifetime value', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('list', { name: 'Realized segments' }).getByRole('listitem').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('list', { name: 'Events, newest first' }).locator('li.event').count()).resolves.toBe(20);
    // Campaign exposure: shown if a computed attribute for it is defined, else the empty state.
    const definitions = (await (
      await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': FRONTEND_KEY },
        body: JSON.stringify({ query: '{ computedAttributes { name } }' }),
      })
    ).json()) as {
      data: { computedAttributes: { name: string }[] };
    };
    const campaign = definitions.data.computedAttributes.filter((attribute) => /campaign|exposure/i.test(attribute.name));
    if (campaign.length === 0) await page.getByText('No campaign-exposure attribute is defined').waitFor();
    else await page.getByText(`${campaign[0]?.name}:`).waitFor();
    // The identity graph, by namespace.
    const identities = page.getByRole('region', { name: /^Identities/ });
    for (const id of [PERSON.crmId, PERSON.email, PERSON.phone, PERSON.ecid]) await identities.getByText(id, { exact: true }).waitFor();
    // Usable at 1280×800: nothing wider than the window.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(1280);
  });

  it('shows where a merged attribute came from on hover', async () => {
    await page.getByRole('heading', { name: expectedName }).locator('.sourced').first().hover();
    const tip = page.getByRole('tooltip').filter({ hasText: 'From dataset' }).first();
    await tip.waitFor();
    await expect(tip.innerText()).resolves.toMatch(/From dataset crm, record crm-(update-)?C-000005, /);
    await shot('03-provenance');
    await page.mouse.move(1270, 790);
    await tip.waitFor({ state: 'hidden' });
  });

  it.each([
    ['a phone number as people write it', `${PERSON.phone.slice(0, 4)} ${PERSON.phone.slice(4, 7)}-${PERSON.phone.slice(7)}`],
    ['a CRM id', 'c-000005'],
    ['a device id', PERSON.ecid],
  ])('finds the same person by %s', async (_kind, text) => {
    await search(text);
    await page.getByRole('heading', { name: expectedName }).waitFor();
  });

  it('picks the namespace from the override menu', async () => {
    const namespace = page.getByRole('combobox', { name: 'Namespace' });
    await namespace.selectOption('Phone');
    try {
      await search(`(${PERSON.phone.slice(1, 4)}) ${PERSON.phone.slice(4, 7)} ${PERSON.phone.slice(7)}`);
      await page.getByRole('heading', { name: expectedName }).waitFor();
    } finally {
      await namespace.selectOption('');
    }
  });

  it('says when nothing is found, and when the identity cannot be parsed', async () => {
    await search('nobody@example.com');
    await page.getByRole('alert').getByText('No profile found for Email “nobody@example.com”.').waitFor();
    await shot('04-not-found');
    await search('who? me!');
    await page.getByRole('alert').getByText('“who? me!” cannot be read as an email, a phone number or an id.').waitFor();
  });

  it('pages the timeline by cursor as the agent scrolls, and filters it by event type', async () => {
    await search(PERSON.email);
    await page.getByRole('heading', { name: expectedName }).waitFor();
    const events = page.getByRole('list', { name: 'Events, newest first' }).locator('li.event');
    await expect(events.count()).resolves.toBe(20);
    await events.last().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('li.event').length > 20);
    await page.getByRole('list', { name: 'Events, newest first' }).locator('li.event').last().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('li.event').length > 40);
    const times = await page.locator('li.event time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
    expect([...times].sort().reverse()).toEqual(times);
    const pages = graphqlBodies.filter((body) => body.operationName === 'ConsoleTimeline');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.every((body) => typeof (body.variables as { after?: unknown }).after === 'string')).toBe(true);
    await shot('05-timeline-paged');

    await page.getByRole('combobox', { name: 'Event type' }).selectOption('commerce.purchases');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('li.event .event-type')].every((node) => node.textContent === 'commerce.purchases') &&
        document.querySelectorAll('li.event').length > 0,
    );
    await expect(page.getByRole('img', { name: /^Activity per week: \d+ events and \d+ purchases/ }).count()).resolves.toBe(1);
  });

  it('switches the merge policy', async () => {
    await page.getByRole('combobox', { name: 'Merge policy' }).selectOption('crm-first');
    await page.getByText('Merged by policy “CRM over model scores, whole identity graph”.').waitFor();
    await page.getByRole('heading', { name: expectedName }).waitFor();
    expect(graphqlBodies.at(-1)).toMatchObject({ operationName: 'ConsoleProfile', variables: { mergePolicyId: 'crm-first' } });
    await shot('06-policy-switched');
  });

  it('shows segments exited, with dates, next to those realized', async () => {
    // A newer CRM record makes person 5 a gold member: realized "gold-members", exited "churn-risk" (not for top-tier members).
    const ingested = await services.ingestion.ingest('crm', [
      {
        _id: 'console-test-upgrade',
        identityMap: { Email: [{ id: PERSON.email, primary: true }] },
        loyalty: { tier: 'gold', points: 9000 },
        extSourceSystemAudit: { lastUpdatedDate: new Date().toISOString() },
      },
    ]);
    expect(ingested.rejected).toEqual([]);
    await services.streaming.whenIdle();
    await page.getByRole('combobox', { name: 'Merge policy' }).selectOption('default');
    await search(PERSON.email);
    await page.getByRole('heading', { name: expectedName }).waitFor();
    await expect(page.locator('.tier').innerText()).resolves.toMatch(/gold/i);
    await page.getByRole('list', { name: 'Exited segments' }).getByText('Likely to churn, not a top-tier member').waitFor();
    await expect(page.getByRole('list', { name: 'Exited segments' }).textContent()).resolves.toMatch(
      /Left\s+Likely to churn, not a top-tier member on \w+ \d+, \d{4}/,
    );
    await page.getByRole('list', { name: 'Realized segments' }).getByText('Gold and platinum loyalty members').waitFor();
    await shot('07-segments-exited');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    // Injected through the DevTools protocol, which the page's Content-Security-Policy does not block.
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.length }));
    });
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
  });

  it('logged no error but the 401s of the key prompt (no Content-Security-Policy violation, no failed asset)', () => {
    expect(pageErrors.filter((text) => !text.includes('status of 401'))).toEqual([]);
  });

  it('sent persisted documents only, and nothing left 127.0.0.1', () => {
    expect(graphqlBodies.length).toBeGreaterThan(5);
    for (const body of graphqlBodies) {
      expect(body.query).toBeUndefined();
      expect(body).toMatchObject({ extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
    }
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((address) => new URL(address).hostname !== '127.0.0.1')).toEqual([]);
  });
});
