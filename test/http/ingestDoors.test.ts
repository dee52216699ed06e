import { UNSAFE_RECORDS } from '../fixtures/unsafeRecords';
import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer } from './httpClient';

/**
 * Every HTTP ingestion door (POST /ingest as NDJSON and as a JSON array, the
 * GraphQL `ingest` mutation with records in a variable or written in the
 * document) rejects the same unsafe records the same way, and stores none
 * of them. (The CLI, the NDJSON door without HTTP: test/integration/cli.test.ts.)
 */
describe('unsafe records at every ingestion door', () => {
  let gateway: HttpTestGateway;
  let ingestUrl: (datasetId: string) => string;
  beforeAll(async () => {
    gateway = await startHttpTestGateway({ API_KEYS });
    ingestUrl = (datasetId) => new URL(`/ingest/${datasetId}`, gateway.url).toString();
  });
  afterAll(() => gateway.stop());

  const post = async (url: string, body: string, contentType: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...bearer('analyst') }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const graphql = async (query: string, variables?: string) =>
    post(gateway.url, `{ "query": ${JSON.stringify(query)}${variables === undefined ? '' : `, "variables": ${variables}`} }`, 'application/json');
  const INGEST_FIELDS = '{ accepted rejectedCount rejected { index recordId path code message } }';

  /** A JSON object as a GraphQL object literal: keys unquoted, the rest as JSON writes it. */
  const toGraphqlLiteral = (json: string) => json.replace(/"([_A-Za-z][_0-9A-Za-z]*)"\s*:/g, '$1:');

  describe.each(UNSAFE_RECORDS)('$what', ({ datasetId, json, recordId, path, message }) => {
    const rejection = { index: 0, recordId, path, code: 'INVALID_RECORD', message };

    it.each([
      ['POST /ingest, NDJSON', () => post(ingestUrl(datasetId), `${json}\n`, 'application/x-ndjson').then((answer) => answer.body)],
      ['POST /ingest, JSON array', () => post(ingestUrl(datasetId), `[${json}]`, 'application/json').then((answer) => answer.body)],
      [
        'GraphQL ingest, records in a variable',
        () =>
          graphql(`mutation In($records: [JSON!]!) { ingest(datasetId: "${datasetId}", records: $records) ${INGEST_FIELDS} }`, `{ "records": [${json}] }`).then(
            (answer) => (answer.body.data as { ingest: unknown }).ingest,
          ),
      ],
      [
        'GraphQL ingest, records written in the document',
        () =>
          graphql(`mutation { ingest(datasetId: "${datasetId}", records: [${toGraphqlLiteral(json)}]) ${INGEST_FIELDS} }`).then(
            (answer) => (answer.body.data as { ingest: unknown }).ingest,
          ),
      ],
    ])('is rejected INVALID_RECORD with its path: %s', async (_door, send) => {
      expect(await send()).toEqual({ accepted: 0, rejectedCount: 1, rejected: [rejection] });
      expect(await gateway.gateway.services.store.findRecordsById(datasetId, [recordId])).toEqual([]);
    });
  });
});
