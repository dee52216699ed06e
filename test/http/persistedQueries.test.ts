import { join } from 'node:path';
import { documentHash } from '../../src/app';
import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, codes, getJson, postJson } from './httpClient';

const CODEGEN_MANIFEST = join(__dirname, '../fixtures/persistedQueries/persisted-documents.json');
const APOLLO_MANIFEST = join(__dirname, '../fixtures/persistedQueries/apollo-manifest.json');
/** Documents of both fixture manifests. */
const DATASETS = 'query Datasets { datasets { id name } }';
const LOOKUP = 'query PartnerLookup($id: String!) { profile(identity: { namespace: "Email", id: $id }) { loyalty { tier } } }';
/** Only in the codegen manifest. */
const MERGE_POLICIES = 'query MergePolicies { mergePolicies { id isDefault } }';
const OTHER = '{ datasets { id } }';

const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe.each([
  ['graphql-codegen persisted-documents.json', CODEGEN_MANIFEST],
  ['Apollo persisted-query manifest', APOLLO_MANIFEST],
])('persisted queries from a %s', (_form, file) => {
  let gateway: HttpTestGateway;
  beforeAll(async () => {
    gateway = await startHttpTestGateway({ API_KEYS, PERSISTED_QUERIES_FILE: file });
  });
  afterAll(() => gateway.stop());

  it('runs a manifest document for a partner sent by hash: documentId bare or sha256:-prefixed, or the APQ extension (bare or sha256:-prefixed, as the codegen client preset sends it)', async () => {
    const hash = documentHash(DATASETS);
    for (const body of [{ documentId: hash }, { documentId: `sha256:${hash}` }, { extensions: apq(hash) }, { extensions: apq(`sha256:${hash}`) }]) {
      const answer = await postJson(gateway.url, body, bearer('partner'));
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ datasets: expect.arrayContaining([{ id: 'crm', name: expect.any(String) }]) });
    }
  });

  it('runs a manifest document for a partner sent as its exact text, with variables', async () => {
    const answer = await postJson(gateway.url, { query: LOOKUP, variables: { id: 'nobody@example.com' } }, bearer('partner'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { profile: null } });
  });

  it('runs a manifest document by hash over GET', async () => {
    // Apollo's CSRF prevention wants a preflighted header on GET.
    const answer = await getJson(`${gateway.url}?documentId=sha256:${documentHash(DATASETS)}`, { ...bearer('partner'), 'apollo-require-preflight': 'true' });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ datasets: expect.arrayContaining([{ id: 'crm', name: expect.any(String) }]) });
  });

  it('refuses a partner any other text with 403 PERSISTED_QUERY_NOT_ALLOWED, before parsing it', async () => {
    for (const query of [OTHER, '{ this does not parse']) {
      const answer = await postJson(gateway.url, { query }, bearer('partner'));
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({
        errors: [
          {
            message:
              "role 'partner' may run only the operations of the persisted-query manifest, sent by hash (documentId or extensions.persistedQuery.sha256Hash) " +
              `or as their exact text; the document sent (sha256 ${documentHash(query)}) is not in it`,
            extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
          },
        ],
      });
    }
  });

  it('refuses a partner an APQ registration and an unknown hash, so APQ cannot widen the manifest', async () => {
    const register = await postJson(gateway.url, { query: OTHER, extensions: apq(documentHash(OTHER)) }, bearer('partner'));
    expect(register.status).toBe(403);
    expect(codes(register)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    // Registered by an analyst, the document is still not the partner's to run.
    expect((await postJson(gateway.url, { query: OTHER, extensions: apq(documentHash(OTHER)) }, bearer('analyst'))).status).toBe(200);
    const byHash = await postJson(gateway.url, { extensions: apq(documentHash(OTHER)) }, bearer('partner'));
    expect(byHash.status).toBe(403);
    expect(codes(byHash)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    const unknownId = await postJson(gateway.url, { documentId: 'sha256:0000' }, bearer('partner'));
    expect(unknownId.status).toBe(403);
    expect(codes(unknownId)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
  });

  it('lets an analyst register a query by APQ and run it by hash afterwards', async () => {
    const query = '{ mergePolicies { id } }';
    const hash = documentHash(query);
    const first = await postJson(gateway.url, { extensions: apq(hash) }, bearer('analyst'));
    expect(first.status).toBe(200);
    expect(first.body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    const registered = await postJson(gateway.url, { query, extensions: apq(hash) }, bearer('analyst'));
    expect(registered.status).toBe(200);
    expect(registered.body.data).toEqual({ mergePolicies: expect.arrayContaining([{ id: 'default' }]) });
    const byHash = await postJson(gateway.url, { extensions: apq(hash) }, bearer('frontend'));
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
  });

  it('accepts a sha256:-prefixed hash (graphql-codegen client preset) wherever a hash is accepted: APQ registration and lookup, POST and GET', async () => {
    const query = '{ identityNamespaces { code } }';
    const prefixed = `sha256:${documentHash(query)}`;
    const registered = await postJson(gateway.url, { query, extensions: apq(prefixed) }, bearer('analyst'));
    expect(registered.status).toBe(200);
    expect(registered.body.data).toEqual({ identityNamespaces: expect.arrayContaining([{ code: 'Email' }]) });
    const byHash = await postJson(gateway.url, { extensions: apq(prefixed) }, bearer('frontend'));
    expect(byHash.body).toEqual(registered.body);
    const overGet = await getJson(`${gateway.url}?extensions=${encodeURIComponent(JSON.stringify(apq(prefixed)))}`, {
      ...bearer('frontend'),
      'apollo-require-preflight': 'true',
    });
    expect(overGet.body).toEqual(registered.body);
    // A manifest document, by the prefixed APQ hash, for a partner: POST and GET.
    const manifestHash = `sha256:${documentHash(DATASETS)}`;
    const partnerPost = await postJson(gateway.url, { extensions: apq(manifestHash) }, bearer('partner'));
    expect(partnerPost.body.data).toEqual({ datasets: expect.arrayContaining([{ id: 'crm', name: expect.any(String) }]) });
    const partnerGet = await getJson(`${gateway.url}?extensions=${encodeURIComponent(JSON.stringify(apq(manifestHash)))}`, {
      ...bearer('partner'),
      'apollo-require-preflight': 'true',
    });
    expect(partnerGet.body).toEqual(partnerPost.body);
  });

  it('lets other roles use manifest ids too, and says when a documentId is not in the manifest', async () => {
    const answer = await postJson(gateway.url, { documentId: documentHash(DATASETS) }, bearer('frontend'));
    expect(answer.status).toBe(200);
    const missing = await postJson(gateway.url, { documentId: documentHash(OTHER) }, bearer('frontend'));
    expect(missing.status).toBe(404);
    expect(missing.body.errors).toEqual([
      { message: `documentId ${JSON.stringify(documentHash(OTHER))} is not in the persisted-query manifest`, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    ]);
  });
});

describe('persisted queries by manifest form', () => {
  it('reads bare and sha256:-prefixed keys of a codegen manifest alike', async () => {
    const gateway = await startHttpTestGateway({ API_KEYS, PERSISTED_QUERIES_FILE: CODEGEN_MANIFEST });
    try {
      // Stored bare in the file, asked for with the prefix; and the other way round.
      const bare = await postJson(gateway.url, { documentId: `sha256:${documentHash(MERGE_POLICIES)}` }, bearer('partner'));
      expect(bare.body.data).toEqual({ mergePolicies: expect.arrayContaining([{ id: 'default', isDefault: true }]) });
      const prefixed = await postJson(gateway.url, { documentId: documentHash(DATASETS) }, bearer('partner'));
      expect(prefixed.status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });

  it('refuses every partner operation when no manifest is configured', async () => {
    const gateway = await startHttpTestGateway({ API_KEYS });
    try {
      const answer = await postJson(gateway.url, { query: DATASETS }, bearer('partner'));
      expect(answer.status).toBe(403);
      expect(codes(answer)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    } finally {
      await gateway.stop();
    }
  });
});
