import pino, { type DestinationStream, type Logger } from 'pino';
import { LOG_LEVELS, type LogLevel } from '../../app';

/** What {@link createLogger} takes. */
export interface LoggerOptions {
  /** `LOG_LEVEL`. @default 'info' */
  readonly level?: LogLevel;
  /** Where the JSON lines go (tests pass a stream to read them). @default stdout */
  readonly destination?: DestinationStream;
}

/**
 * The gateway's logger: pino, one JSON object per line, with `time` in ISO
 * 8601, `name: "profile-gateway"`, and errors under `err` with their stack.
 * Created once at start-up and passed down; nothing else creates a logger.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new RangeError(`LoggerOptions.level must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }
  const settings = { name: 'profile-gateway', level, timestamp: pino.stdTimeFunctions.isoTime };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}
