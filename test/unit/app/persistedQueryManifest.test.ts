import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentHash, normalizeDocumentId, parsePersistedQueryManifest } from '../../../src/app';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/persistedQueries', name), 'utf8');
const DATASETS = 'query Datasets { datasets { id name } }';
const DATASETS_HASH = '61daf1f1282a9473cf0e2098831f2d34f7e695a2f54137e0262164e27a2bd885';

describe('documentHash and normalizeDocumentId', () => {
  it('hash a document as APQ and both manifest forms do: SHA-256 of the exact text, lower-case hex', () => {
    expect(documentHash(DATASETS)).toBe(DATASETS_HASH);
    expect(documentHash(`${DATASETS} `)).not.toBe(DATASETS_HASH);
  });

  it('accept an id bare, sha256:-prefixed or upper-case, and nothing that is no SHA-256', () => {
    expect(normalizeDocumentId(`sha256:${DATASETS_HASH}`)).toBe(DATASETS_HASH);
    expect(normalizeDocumentId(DATASETS_HASH.toUpperCase())).toBe(DATASETS_HASH);
    expect(normalizeDocumentId('sha256:abc')).toBeUndefined();
    expect(normalizeDocumentId('md5:' + DATASETS_HASH)).toBeUndefined();
  });
});

describe('parsePersistedQueryManifest', () => {
  it('reads graphql-codegen persisted-documents.json, hashes prefixed or not', () => {
    const parsed = parsePersistedQueryManifest(fixture('persisted-documents.json'));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect([...parsed.documents.keys()]).toEqual([
      DATASETS_HASH,
      '3cabb28c5c057d52d233840468f8d7fbd19507fd82d1e1251ab00d3ddc304dcf',
      '79b78e9f99930b6676e51b95bfae969bc70e9c35f63d02882fc5b0aa50af144b',
    ]);
    expect(parsed.documents.get(DATASETS_HASH)).toEqual({ hash: DATASETS_HASH, body: DATASETS });
  });

  it("reads Apollo's persisted-query manifest, keeping operation names", () => {
    const parsed = parsePersistedQueryManifest(fixture('apollo-manifest.json'));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.documents.size).toBe(2);
    expect(parsed.documents.get(DATASETS_HASH)).toEqual({ hash: DATASETS_HASH, body: DATASETS, name: 'Datasets' });
  });

  it('refuses an entry whose hash is not the SHA-256 of its text, naming the entry and the right hash', () => {
    const wrong = 'a'.repeat(64);
    expect(parsePersistedQueryManifest(JSON.stringify({ [`sha256:${wrong}`]: DATASETS }))).toEqual({
      ok: false,
      problem: `entry "sha256:${wrong}": the id is not the SHA-256 of the document's text (which is ${DATASETS_HASH})`,
    });
    const apollo = { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: wrong, name: 'Datasets', type: 'query', body: DATASETS }] };
    expect(parsePersistedQueryManifest(JSON.stringify(apollo))).toEqual({
      ok: false,
      problem: `operations[0] ("Datasets"): the id is not the SHA-256 of the document's text (which is ${DATASETS_HASH})`,
    });
  });

  it('refuses ids that are no SHA-256, empty documents, unknown formats and versions, and bad JSON', () => {
    expect(parsePersistedQueryManifest('{"abc": "{ datasets { id } }"}')).toEqual({
      ok: false,
      problem: 'entry "abc": the id must be a SHA-256 in hex (64 digits, "sha256:" prefix allowed)',
    });
    expect(parsePersistedQueryManifest(JSON.stringify({ [DATASETS_HASH]: 42 }))).toEqual({
      ok: false,
      problem: `entry "${DATASETS_HASH}": the document must be non-empty GraphQL text`,
    });
    expect(parsePersistedQueryManifest('{"format": "relay", "operations": []}')).toEqual({
      ok: false,
      problem: '"format" must be "apollo-persisted-query-manifest", got "relay"',
    });
    expect(parsePersistedQueryManifest('{"format": "apollo-persisted-query-manifest", "version": 2, "operations": []}')).toEqual({
      ok: false,
      problem: 'only "version": 1 of the Apollo manifest is known, got 2',
    });
    expect(parsePersistedQueryManifest('[]')).toMatchObject({ ok: false, problem: expect.stringMatching(/^must be a JSON object/) });
    expect(parsePersistedQueryManifest('{')).toMatchObject({ ok: false, problem: expect.stringMatching(/^not valid JSON/) });
  });
});
