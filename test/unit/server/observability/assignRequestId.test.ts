import type { Request, Response } from 'express';
import { assignRequestId } from '../../../../src/server';

/** Runs the middleware on a request with these headers; returns the id the request then carries and the header sent back. */
function assign(headers: Record<string, string>): { request: string | undefined; response: string | undefined } {
  const request = { headers: { ...headers }, get: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
  const sent: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (sent[name] = value) } as unknown as Response;
  let nexted = false;
  assignRequestId(() => 'generated-id')(request, response, () => (nexted = true));
  expect(nexted).toBe(true);
  return { request: request.headers['x-request-id'] as string | undefined, response: sent['x-request-id'] };
}

describe('assignRequestId', () => {
  it("keeps the caller's id and echoes it", () => {
    expect(assign({ 'x-request-id': 'b7c1e2d0-ticket:4711' })).toEqual({ request: 'b7c1e2d0-ticket:4711', response: 'b7c1e2d0-ticket:4711' });
  });

  it('gives a request without one a new id', () => {
    expect(assign({})).toEqual({ request: 'generated-id', response: 'generated-id' });
  });

  it('replaces an id that could forge log lines or is too long', () => {
    expect(assign({ 'x-request-id': 'a b' })).toEqual({ request: 'generated-id', response: 'generated-id' });
    expect(assign({ 'x-request-id': 'x\n{"level":60}' })).toEqual({ request: 'generated-id', response: 'generated-id' });
    expect(assign({ 'x-request-id': 'a'.repeat(129) })).toEqual({ request: 'generated-id', response: 'generated-id' });
    expect(assign({ 'x-request-id': 'a'.repeat(128) }).response).toBe('a'.repeat(128));
  });
});
