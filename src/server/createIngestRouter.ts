import { type Request, type Response, Router } from 'express';
import {
  INGEST_CONTENT_TYPES,
  ingestBodyFormat,
  IngestionError,
  ingestionFailure,
  type IngestionPipeline,
  type IngestResult,
  limitBodyBytes,
  readJsonArrayRecords,
  readNdjsonRecords,
  RequestBodyError,
  tooLargeMessage,
} from '../ingest';
import { sendHttpError as sendError } from './errors/sendHttpError';
import { createIngestAnswer, type IngestAnswer } from './ingestAnswer';

/** What the ingest route needs; checked once by {@link createIngestRouter}. */
export interface IngestRouterOptions {
  readonly ingestion: IngestionPipeline;
  /** Largest body in bytes (`INGEST_MAX_BODY_BYTES`); 413 above it. */
  readonly maxBodyBytes: number;
  /**
   * Largest record in bytes (`INGEST_MAX_RECORD_BYTES`): an NDJSON line or a
   * JSON-array element longer than this is never held in memory whole.
   * Pass the pipeline's own limit. @default 1048576 (1 MiB)
   */
  readonly maxRecordBytes?: number;
  /** Where unexpected errors are logged (the client only sees `INTERNAL_SERVER_ERROR`). @default console.error */
  readonly logError?: (error: unknown) => void;
}

/**
 * `POST /ingest/:datasetId`: the HTTP door of the ingestion pipeline, for
 * bodies of any size. The body, NDJSON (`application/x-ndjson`,
 * `application/jsonl`, `text/plain`) or one JSON array (`application/json`),
 * is parsed as it arrives and handed to the pipeline record by record; the
 * pipeline awaits each batch write before it asks for more, so a slow store
 * slows the upload down (TCP backpressure) and memory stays bounded whatever
 * the body's size.
 *
 * 200 `{ accepted, rejectedCount, rejected: [{ index, recordId, path, code, message }] }`
 * listing the first 100 rejections (then `rejectedNotListed` and how to get
 * them all); with `Accept: application/x-ndjson`, every rejection as a line
 * as it is found, then a line with the counts (`IngestAnswer`). Errors are `{ errors: [{ message, extensions: { code, … } }] }`, never with
 * a stack trace: 404 `DATASET_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE` (from
 * `Content-Length` before reading, or when a chunked body passes the limit);
 * 415 `UNSUPPORTED_MEDIA_TYPE`; 400 `INVALID_JSON` when a JSON array breaks
 * off; 503 `STORE_UNAVAILABLE`. An error after reading began carries what was
 * stored before it in `extensions.accepted` and `extensions.rejectedCount`: those
 * records are durable, and re-sending the whole body is safe (idempotent).
 *
 * Mount it before any body parser: it reads the raw request stream.
 */
export function createIngestRouter(options: IngestRouterOptions): Router {
  const settings = validOptions(options);
  const router = Router();
  router.post('/ingest/:datasetId', async (request, response) => {
    try {
      await ingestRequest(request, response, settings);
    } catch (error) {
      settings.logError(error);
      if (!response.headersSent) sendError(request, response, 500, 'INTERNAL_SERVER_ERROR', 'internal error; see the gateway log');
    }
  });
  router.all('/ingest/:datasetId', (request, response) => {
    response.setHeader('Allow', 'POST');
    sendError(request, response, 405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed here; POST the records`);
  });
  return router;
}

type Settings = Required<IngestRouterOptions>;

async function ingestRequest(request: Request, response: Response, settings: Settings): Promise<void> {
  const datasetId = String(request.params.datasetId);
  const format = ingestBodyFormat(request.get('content-type'), request.get('content-encoding'));
  if (!format.ok) {
    sendError(request, response, 415, 'UNSUPPORTED_MEDIA_TYPE', format.message, { accepted: [...INGEST_CONTENT_TYPES.keys()] });
    return;
  }
  const declaredLength = Number(request.get('content-length') ?? Number.NaN);
  if (declaredLength > settings.maxBodyBytes) {
    sendError(request, response, 413, 'PAYLOAD_TOO_LARGE', `${tooLargeMessage(settings.maxBodyBytes)}; nothing was read`, { limit: settings.maxBodyBytes });
    return;
  }

  const answer = createIngestAnswer(request, response);
  // Not destroyed when reading stops early: destroying the request would close the socket before the answer.
  const body = limitBodyBytes(request.iterator({ destroyOnReturn: false }), settings.maxBodyBytes);
  const records = format.format === 'ndjson' ? readNdjsonRecords(body, settings.maxRecordBytes) : readJsonArrayRecords(body, settings.maxRecordBytes);
  const stop: { error?: RequestBodyError } = {};
  let result: IngestResult;
  try {
    result = await settings.ingestion.ingest(datasetId, untilBodyError(records, stop), {
      door: 'http',
      ...(answer.onRejected === undefined ? {} : { onRejected: answer.onRejected }),
      ...(answer.maxListedRejections === undefined ? {} : { maxListedRejections: answer.maxListedRejections }),
    });
  } catch (error) {
    if (!(error instanceof IngestionError)) throw error;
    answerIngestionError(answer, error, settings);
    return;
  }
  if (stop.error === undefined) {
    answer.result(result);
    return;
  }
  switch (stop.error.code) {
    case 'PAYLOAD_TOO_LARGE':
      answer.error(413, 'PAYLOAD_TOO_LARGE', `${stop.error.message}; the records before were stored`, { limit: settings.maxBodyBytes }, result);
      return;
    case 'INVALID_JSON':
      answer.error(400, 'INVALID_JSON', `${stop.error.message}; the records before were stored`, {}, result);
      return;
    case 'REQUEST_ABORTED':
      // The client is most likely gone; answer anyway in case it is still listening.
      answer.error(400, 'REQUEST_ABORTED', `${stop.error.message}; the records before were stored`, {}, result);
      return;
    default: {
      const unreachable: never = stop.error.code;
      throw new Error(`unknown body error ${String(unreachable)}`);
    }
  }
}

/**
 * Ends the records where the body could not be read on, instead of failing:
 * the pipeline then stores what came before, and the route answers with the
 * body's error and those counts.
 */
async function* untilBodyError(records: AsyncIterable<unknown>, stop: { error?: RequestBodyError }): AsyncGenerator<unknown> {
  try {
    yield* records;
  } catch (error) {
    if (!(error instanceof RequestBodyError)) throw error;
    stop.error = error;
  }
}

function answerIngestionError(answer: IngestAnswer, error: IngestionError, settings: Settings): void {
  const failure = ingestionFailure(error);
  if (failure.unexpected) settings.logError(error);
  answer.error(failure.status, failure.code, failure.message, {}, failure.partial ? error.partial : undefined);
}

function validOptions(options: IngestRouterOptions): Settings {
  if (typeof options?.ingestion?.ingest !== 'function') throw new TypeError('createIngestRouter: ingestion must be an IngestionPipeline');
  return {
    ingestion: options.ingestion,
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes),
    maxRecordBytes: positiveInteger('maxRecordBytes', options.maxRecordBytes ?? 1_048_576),
    logError: options.logError ?? ((error: unknown) => console.error('POST /ingest failed:', error)),
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`createIngestRouter: ${name} must be a whole number of at least 1, got ${String(value)}`);
  return value;
}
