import type { Request, Response } from 'express';
import type { IngestResult, RecordError } from '../ingest';
import { sendHttpError as sendError } from './errors/sendHttpError';

/** Every `extensions.code` of the ingest route's error answers. */
export type IngestHttpErrorCode =
  | 'DATASET_NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_JSON'
  | 'REQUEST_ABORTED'
  | 'METHOD_NOT_ALLOWED'
  | 'TOO_MANY_RECORDS'
  | 'STORE_UNAVAILABLE'
  | 'INGESTION_INTERRUPTED'
  | 'INTERNAL_SERVER_ERROR';

/** The media type of the rejection stream (`Accept: application/x-ndjson`). */
export const REJECTION_STREAM_TYPE = 'application/x-ndjson';

/**
 * How `POST /ingest` answers one request, in the form the client asked for.
 * JSON (the default): one object at the end, with the counts and the first
 * rejections. NDJSON (`Accept: application/x-ndjson`): every rejection as a
 * line as soon as it is found, then a last line with the counts, or with the
 * error that stopped the ingestion. Either way the gateway holds a bounded
 * number of rejections, whatever the body holds.
 */
export interface IngestAnswer {
  /** The `maxListedRejections` to ingest with: the stream lists every rejection itself. */
  readonly maxListedRejections: number | undefined;
  /** Told of each rejection (awaited: the stream waits for the client to read). */
  readonly onRejected: ((error: RecordError) => Promise<void>) | undefined;
  /** The ingestion finished. */
  result(result: IngestResult): void;
  /** The ingestion stopped: an error with what was stored before (`partial`), if anything was read. */
  error(status: number, code: IngestHttpErrorCode, message: string, extensions?: Record<string, unknown>, partial?: IngestResult): void;
}

/** The {@link IngestAnswer} the request asks for by its `Accept` header. */
export function createIngestAnswer(request: Request, response: Response): IngestAnswer {
  return request.accepts(['application/json', REJECTION_STREAM_TYPE]) === REJECTION_STREAM_TYPE ? streamAnswer(request, response) : jsonAnswer(request, response);
}

function jsonAnswer(request: Request, response: Response): IngestAnswer {
  return {
    maxListedRejections: undefined,
    onRejected: undefined,
    result(result) {
      response.status(200).json(resultBody(result));
    },
    error(status, code, message, extensions = {}, partial) {
      sendError(request, response, status, code, message, { ...extensions, ...(partial === undefined ? {} : resultBody(partial)) });
    },
  };
}

/**
 * `{ accepted, rejectedCount, rejected }`, and, when some rejections are not
 * listed, `rejectedNotListed` with how to get every one of them.
 */
function resultBody(result: IngestResult): Record<string, unknown> {
  const notListed = result.rejectedCount - result.rejected.length;
  return {
    accepted: result.accepted,
    rejectedCount: result.rejectedCount,
    rejected: result.rejected,
    ...(notListed > 0
      ? {
          rejectedNotListed: notListed,
          rejectedHowToGetAll: `send the body again with 'Accept: ${REJECTION_STREAM_TYPE}': every rejection is then a line of the answer (re-sending is idempotent)`,
        }
      : {}),
  };
}

function streamAnswer(request: Request, response: Response): IngestAnswer {
  let rejectedLines = 0;
  const start = (): void => {
    if (response.headersSent) return;
    response.status(200).setHeader('content-type', `${REJECTION_STREAM_TYPE}; charset=utf-8`);
  };
  const line = async (value: unknown): Promise<void> => {
    start();
    if (response.write(`${JSON.stringify(value)}\n`)) return;
    // The client reads slower than the body yields rejections: wait, so they never pile up here.
    await new Promise<void>((resolve) => {
      const done = (): void => {
        response.off('drain', done).off('close', done);
        resolve();
      };
      response.on('drain', done).on('close', done);
    });
  };
  return {
    maxListedRejections: 0,
    onRejected: async (error) => {
      rejectedLines += 1;
      await line({ rejected: error });
    },
    result(result) {
      start();
      response.end(`${JSON.stringify({ result: { accepted: result.accepted, rejectedCount: result.rejectedCount } })}\n`);
    },
    error(status, code, message, extensions = {}, partial) {
      const counts = partial === undefined ? {} : { accepted: partial.accepted, rejectedCount: partial.rejectedCount };
      // Nothing sent yet: the error is the whole answer, with its status, as in JSON.
      if (!response.headersSent && rejectedLines === 0) {
        sendError(request, response, status, code, message, { ...extensions, ...counts });
        return;
      }
      // The status (200) is sent: the last line says what stopped it. An unread rest of the body is not read on.
      if (!request.complete) response.once('finish', () => request.destroy());
      response.end(`${JSON.stringify({ errors: [{ message, extensions: { code, ...extensions, ...counts } }] })}\n`);
    },
  };
}
