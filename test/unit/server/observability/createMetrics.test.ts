import { createMetrics } from '../../../../src/server';

/** The sample lines of one metric in the exposition text. */
function samplesOf(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe('createMetrics', () => {
  it('keeps each gateway in a registry of its own', async () => {
    const first = createMetrics({ processMetrics: false });
    const second = createMetrics({ processMetrics: false });
    first.observeRequest({ operationName: 'Lookup', outcome: 'success', durationSeconds: 0.02 });
    expect(samplesOf(await first.render(), 'gateway_graphql_request_duration_seconds_count')).toEqual([
      'gateway_graphql_request_duration_seconds_count{operation="Lookup",outcome="success"} 1',
    ]);
    expect(samplesOf(await second.render(), 'gateway_graphql_request_duration_seconds_count')).toEqual([]);
  });

  it('labels anonymous operations, and counts names past the limit as other', async () => {
    const metrics = createMetrics({ processMetrics: false, maxOperationNames: 2 });
    for (const operationName of [null, 'A', 'B', 'C', 'A', 'D']) metrics.observeRequest({ operationName, outcome: 'success', durationSeconds: 0.001 });
    expect(samplesOf(await metrics.render(), 'gateway_graphql_request_duration_seconds_count')).toEqual([
      'gateway_graphql_request_duration_seconds_count{operation="anonymous",outcome="success"} 1',
      'gateway_graphql_request_duration_seconds_count{operation="A",outcome="success"} 2',
      'gateway_graphql_request_duration_seconds_count{operation="B",outcome="success"} 1',
      'gateway_graphql_request_duration_seconds_count{operation="other",outcome="success"} 2',
    ]);
  });

  it('records what the service hooks report: batch sizes, store command durations in seconds, ingested records', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const { onLoaderBatch, onStoreCommandFinished, onRecords } = metrics.serviceHooks;
    onLoaderBatch({ loader: 'graphs', datasetId: null, size: 3 });
    onLoaderBatch({ loader: 'fragments', datasetId: 'crm', size: 7 });
    onStoreCommandFinished({ name: 'find', outcome: 'success', durationMs: 12 });
    onRecords({ datasetId: 'crm', door: 'http', outcome: 'accepted', count: 500 });
    onRecords({ datasetId: 'crm', door: 'http', outcome: 'rejected', code: 'INVALID_RECORD', count: 1 });
    const text = await metrics.render();
    expect(samplesOf(text, 'gateway_dataloader_batch_size_sum')).toEqual([
      'gateway_dataloader_batch_size_sum{loader="graphs",dataset=""} 3',
      'gateway_dataloader_batch_size_sum{loader="fragments",dataset="crm"} 7',
    ]);
    expect(samplesOf(text, 'gateway_store_command_duration_seconds_sum')).toEqual(['gateway_store_command_duration_seconds_sum{command="find",outcome="success"} 0.012']);
    expect(samplesOf(text, 'gateway_ingest_records_accepted_total')).toEqual(['gateway_ingest_records_accepted_total{dataset="crm",door="http"} 500']);
    expect(samplesOf(text, 'gateway_ingest_records_rejected_total')).toEqual(['gateway_ingest_records_rejected_total{dataset="crm",door="http",code="INVALID_RECORD"} 1']);
    expect(text).toContain('# HELP gateway_ingest_records_rejected_total Records rejected by the ingestion pipeline');
  });

  it('adds the default process metrics unless told not to', async () => {
    expect(await createMetrics().render()).toContain('\nprocess_resident_memory_bytes ');
    expect(await createMetrics({ processMetrics: false }).render()).not.toContain('process_resident_memory_bytes');
  });

  it('refuses a limit that is not a whole number, showing it', () => {
    expect(() => createMetrics({ maxOperationNames: -1 })).toThrow('MetricsOptions.maxOperationNames must be a whole number of at least 0, got -1');
  });
});
