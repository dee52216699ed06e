import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentHash } from '../../src/app';
import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, postJson } from './httpClient';

/** A manifest document that selects an I1 field (personalEmail.address) and one that does not. */
const CONTACT = 'query Contact($id: String!) { profile(identity: { namespace: "Email", id: $id }) { loyalty { tier } personalEmail { address } } }';
const TIER = 'query Tier($id: String!) { profile(identity: { namespace: "Email", id: $id }) { loyalty { tier } } }';
/** attributeSource of an I1 path, given by a variable's default value. */
const SOURCE = 'query Source($p: String = "personalEmail.address") { profile(identity: { namespace: "Email", id: "ana@example.com" }) { attributeSource(path: $p) { datasetId } } }';
/** A C2 field (no export to a third party). */
const CHURN = 'query Churn($id: String!) { profile(identity: { namespace: "Email", id: $id }) { _demo { churnPropensity } } }';

describe('data-usage labels over HTTP, with API keys and a trusted-document manifest', () => {
  let gateway: HttpTestGateway;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'data-usage-'));
    const manifest = join(folder, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [documentHash(CONTACT)]: CONTACT, [documentHash(TIER)]: TIER, [documentHash(CHURN)]: CHURN, [documentHash(SOURCE)]: SOURCE }));
    gateway = await startHttpTestGateway({ API_KEYS, PERSISTED_QUERIES_FILE: manifest });
    const ingested = await gateway.gateway.services.ingestion.ingest('crm', [
      { _id: 'crm-ana', identityMap: { Email: [{ id: 'ana@example.com', primary: true }] }, personalEmail: { address: 'ana@example.com' }, loyalty: { tier: 'gold' } },
    ]);
    expect(ingested.rejected).toEqual([]);
    const scored = await gateway.gateway.services.ingestion.ingest('scores', [
      { _id: 'score-ana', identityMap: { Email: [{ id: 'ana@example.com', primary: true }] }, _demo: { churnPropensity: 0.82 } },
    ]);
    expect(scored.rejected).toEqual([]);
  });
  afterAll(async () => {
    await gateway.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers a partner selecting personalEmail { address } with 403 FORBIDDEN_FIELD and no data, even from the manifest', async () => {
    const answer = await postJson(gateway.url, { documentId: documentHash(CONTACT), variables: { id: 'ana@example.com' } }, bearer('partner'));
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      errors: [
        {
          message: "field EmailAddress.address (personalEmail.address) carries data-usage label I1, which role 'partner' may not read",
          extensions: { code: 'FORBIDDEN_FIELD', field: 'EmailAddress.address', labels: ['I1'], paths: ['personalEmail.address'], role: 'partner' },
        },
      ],
    });
  });

  it('serves the partner a manifest document without labelled fields', async () => {
    const answer = await postJson(gateway.url, { documentId: documentHash(TIER), variables: { id: 'ana@example.com' } }, bearer('partner'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { profile: { loyalty: { tier: 'gold' } } } });
  });

  it('serves an analyst the labelled field', async () => {
    const answer = await postJson(gateway.url, { query: CONTACT, variables: { id: 'ana@example.com' } }, bearer('analyst'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { profile: { loyalty: { tier: 'gold' }, personalEmail: { address: 'ana@example.com' } } } });
  });

  it('refuses a partner, a third party, the C2 field _demo.churnPropensity (no export to a third party) by default', async () => {
    const answer = await postJson(gateway.url, { documentId: documentHash(CHURN), variables: { id: 'ana@example.com' } }, bearer('partner'));
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      errors: [
        {
          message: "field ProfileDemo.churnPropensity (_demo.churnPropensity) carries data-usage label C2, which role 'partner' may not read",
          extensions: { code: 'FORBIDDEN_FIELD', field: 'ProfileDemo.churnPropensity', labels: ['C2'], paths: ['_demo.churnPropensity'], role: 'partner' },
        },
      ],
    });
    const analyst = await postJson(gateway.url, { query: CHURN, variables: { id: 'ana@example.com' } }, bearer('analyst'));
    expect(analyst.body).toEqual({ data: { profile: { _demo: { churnPropensity: 0.82 } } } });
  });

  it("refuses a partner attributeSource of an I1 path given as a variable's default value, and answers an explicit null with BAD_USER_INPUT", async () => {
    const byDefault = await postJson(gateway.url, { documentId: documentHash(SOURCE) }, bearer('partner'));
    expect(byDefault.status).toBe(403);
    expect(byDefault.body.data).toBeUndefined();
    expect(byDefault.body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'FORBIDDEN_FIELD', field: 'Profile.attributeSource', labels: ['I1'], paths: ['personalEmail.address'], role: 'partner' },
    ]);
    for (const role of ['partner', 'analyst'] as const) {
      const nulled = await postJson(gateway.url, { documentId: documentHash(SOURCE), variables: { p: null } }, bearer(role));
      expect(nulled.status).toBe(400);
      expect(nulled.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
        ['BAD_USER_INPUT', 'Profile.attributeSource: Argument "path" of non-null type "String!" must not be null.'],
      ]);
    }
    const analyst = await postJson(gateway.url, { documentId: documentHash(SOURCE) }, bearer('analyst'));
    expect(analyst.body).toEqual({ data: { profile: { attributeSource: { datasetId: 'crm' } } } });
  });
});
