import { type LogLevel } from '../../../../src/app';
import { createLogger } from '../../../../src/server';

function capture(level: LogLevel) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object per line, with an ISO time, the service name and errors with their stack', () => {
    const { logger, lines } = capture('info');
    logger.info({ requestId: 'r-1' }, 'graphql request');
    logger.error({ err: new RangeError('out of range') }, 'internal error');
    expect(lines[0]).toEqual(expect.objectContaining({ level: 30, name: 'profile-gateway', requestId: 'r-1', msg: 'graphql request' }));
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(lines[1]).toEqual(expect.objectContaining({ level: 50, err: expect.objectContaining({ type: 'RangeError', message: 'out of range', stack: expect.stringContaining('RangeError: out of range') }) }));
  });

  it('writes nothing below its level, and nothing at all when silent', () => {
    const warn = capture('warn');
    warn.logger.info('not this');
    warn.logger.warn('this');
    expect(warn.lines.map((line) => line.msg)).toEqual(['this']);
    const silent = capture('silent');
    silent.logger.fatal('nor this');
    expect(silent.lines).toEqual([]);
  });

  it('refuses an unknown level, naming the known ones', () => {
    expect(() => createLogger({ level: 'verbose' as LogLevel })).toThrow(
      'LoggerOptions.level must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
    );
  });
});
