import { IngestionError, ingestionFailure } from '../../../src/ingest';
import { StoreError, StoreUnavailableError } from '../../../src/store';

const partial = { accepted: 2, rejectedCount: 0, rejected: [] };

describe('ingestionFailure: one answer for an ingestion that stopped, at every door', () => {
  it('answers an unknown dataset 404 with its own message and no counts', () => {
    expect(ingestionFailure(new IngestionError('DATASET_NOT_FOUND', "dataset 'x' does not exist; datasets: crm"))).toEqual({
      code: 'DATASET_NOT_FOUND',
      status: 404,
      message: "dataset 'x' does not exist; datasets: crm",
      partial: false,
      unexpected: false,
    });
  });

  it('answers too many records 413 with what was stored before', () => {
    expect(ingestionFailure(new IngestionError('TOO_MANY_RECORDS', 'at most 2 records', partial))).toMatchObject({
      code: 'TOO_MANY_RECORDS',
      status: 413,
      partial: true,
    });
  });

  it('answers an unreachable store 503 STORE_UNAVAILABLE, saying the records before were stored', () => {
    const error = new IngestionError('INGESTION_INTERRUPTED', "ingestion into 'crm' stopped after 2 stored records: refused", partial, {
      cause: new StoreUnavailableError('refused'),
    });
    expect(ingestionFailure(error)).toEqual({
      code: 'STORE_UNAVAILABLE',
      status: 503,
      message: "ingestion into 'crm' stopped after 2 stored records: refused; the records before were stored, send them again later",
      partial: true,
      unexpected: false,
    });
  });

  it('answers any other interruption 500 INGESTION_INTERRUPTED, to be logged', () => {
    const error = new IngestionError('INGESTION_INTERRUPTED', "ingestion into 'crm' stopped after 2 stored records: disk full", partial, {
      cause: new StoreError('STORE_FAILURE', 'disk full'),
    });
    expect(ingestionFailure(error)).toEqual({
      code: 'INGESTION_INTERRUPTED',
      status: 500,
      message: "ingestion into 'crm' stopped after 2 stored records: disk full; the records before were stored",
      partial: true,
      unexpected: true,
    });
  });
});
