import { GraphQLError } from 'graphql';
import { formatGatewayError, isInternalError } from '../../../src/graphql';

describe('formatGatewayError', () => {
  it('codes an uncoded error that Apollo answers with HTTP 4xx as BAD_REQUEST, keeping its message', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(formatGatewayError({ message: error.message }, error)).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
    expect(isInternalError(error)).toBe(false);
  });

  it('masks an uncoded error without a client status as INTERNAL_SERVER_ERROR', () => {
    const error = new Error('secret detail');
    expect(formatGatewayError({ message: error.message }, error)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(isInternalError(error)).toBe(true);
  });
});
