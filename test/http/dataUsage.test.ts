import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentHash } from '../../src/app';
import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, postJson } from './httpClient';

/** A manifest document that selects an I1 field (personalEmail.address) and one that does not. */
const CONTACT = 'query Contact($id: String!) { profile(identity: { namespace: "Email", id: $id }) { loyalty { tier } personalEmail { address } } }';
const TIER = 'query Tier($id: String!) { profile(identity: { namespace: "Email", id: $id }) { loyalty { tier } } }';

describe('data-usage labels over HTTP, with API keys and a trusted-document manifest', () => {
  let gateway: HttpTestGateway;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'data-usage-'));
    const manifest = join(folder, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [documentHash(CONTACT)]: CONTACT, [documentHash(TIER)]: TIER }));
    gateway = await startHttpTestGateway({ API_KEYS, PERSISTED_QUERIES_FILE: manifest });
    const ingested = await gateway.gateway.services.ingestion.ingest('crm', [
      { _id: 'crm-ana', identityMap: { Email: [{ id: 'ana@example.com', primary: true }] }, personalEmail: { address: 'ana@example.com' }, loyalty: { tier: 'gold' } },
    ]);
    expect(ingested.rejected).toEqual([]);
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
});
