import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, postJson } from './httpClient';

/**
 * However many records a body rejects, POST /ingest and the GraphQL `ingest`
 * answer with the counts and a bounded list, and the NDJSON rejection stream
 * gives every rejection without the gateway holding them.
 */
/** Tens of thousands of records per test: seconds on a busy machine; how long is not what is tested. */
jest.setTimeout(60_000);

describe('rejections of a large ingestion', () => {
  let gateway: HttpTestGateway;
  let ingestUrl: string;
  beforeAll(async () => {
    gateway = await startHttpTestGateway({ API_KEYS });
    ingestUrl = new URL('/ingest/crm', gateway.url).toString();
  });
  afterAll(() => gateway.stop());

  /** 20,000 lines that are not JSON (140 KB), then one good record: before the bound, about 2.8 MB of answer. */
  const BAD_LINES = 20_000;
  const badBody = `${'{"_id": 1\n'.repeat(BAD_LINES - 1)}{"_id": "ok", "identityMap": {"Email": [{"id": "ok@example.com"}]}}\n`;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(ingestUrl, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...bearer('analyst'), ...headers }, body });

  it('answers with the counts, the first 100 rejections and how to get them all, in an answer of bounded size', async () => {
    const response = await post(badBody);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text.length).toBeLessThan(64 * 1024);
    const body = JSON.parse(text) as { accepted: number; rejectedCount: number; rejected: { index: number; code: string }[]; rejectedNotListed: number; rejectedHowToGetAll: string };
    expect({ accepted: body.accepted, rejectedCount: body.rejectedCount, listed: body.rejected.length, notListed: body.rejectedNotListed }).toEqual({
      accepted: 1,
      rejectedCount: BAD_LINES - 1,
      listed: 100,
      notListed: BAD_LINES - 101,
    });
    expect(body.rejected[99]).toEqual({ index: 99, recordId: null, path: null, code: 'INVALID_JSON', message: expect.stringMatching(/^record 99 is not JSON: /) });
    expect(body.rejectedHowToGetAll).toBe("send the body again with 'Accept: application/x-ndjson': every rejection is then a line of the answer (re-sending is idempotent)");
  });

  it('streams every rejection as an NDJSON line, then the counts, when asked with Accept: application/x-ndjson', async () => {
    const response = await post(badBody, { accept: 'application/x-ndjson' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, { index?: number; code?: string }>);
    expect(lines).toHaveLength(BAD_LINES);
    expect(lines.slice(0, -1).every((line, index) => line.rejected?.index === index && line.rejected.code === 'INVALID_JSON')).toBe(true);
    expect(lines.at(-1)).toEqual({ result: { accepted: 1, rejectedCount: BAD_LINES - 1 } });
  });

  it('ends the stream with the error and the counts when the body breaks off, and answers an error alone before any rejection as JSON does', async () => {
    const broken = await fetch(ingestUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson', ...bearer('analyst') },
      body: '[{"_id": "no-identity"}, {"_id": "ok2", "identityMap": {"Email": [{"id": "ok2@example.com"}]}}, {"_id": ',
    });
    expect(broken.status).toBe(200);
    const lines = (await broken.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      { rejected: expect.objectContaining({ index: 0, recordId: 'no-identity', code: 'NO_IDENTITY' }) },
      { errors: [{ message: expect.stringMatching(/^the body is not a JSON array of records: .*; the records before were stored$/), extensions: { code: 'INVALID_JSON', accepted: 1, rejectedCount: 1 } }] },
    ]);
    const unknown = await fetch(new URL('/ingest/nope', gateway.url), { method: 'POST', headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson', ...bearer('analyst') }, body: '{}\n' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('DATASET_NOT_FOUND');
  });

  it('counts every rejection of a GraphQL ingest call and lists the first 100', async () => {
    const records = Array.from({ length: 150 }, (_, index) => ({ _id: `gql-bad-${index}` }));
    const answer = await postJson(gateway.url, { query: 'mutation In($r: [JSON!]!) { ingest(datasetId: "crm", records: $r) { accepted rejectedCount rejected { index code } } }', variables: { r: records } }, bearer('analyst'));
    const ingest = (answer.body.data as { ingest: { accepted: number; rejectedCount: number; rejected: { index: number; code: string }[] } }).ingest;
    expect({ accepted: ingest.accepted, rejectedCount: ingest.rejectedCount, listed: ingest.rejected.length, last: ingest.rejected.at(-1) }).toEqual({
      accepted: 0,
      rejectedCount: 150,
      listed: 100,
      last: { index: 99, code: 'NO_IDENTITY' },
    });
  });
});
