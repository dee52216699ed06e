import { type DataUsagePolicy, DEFAULT_DATA_USAGE_POLICY, GATEWAY_ROLES, type GatewayRole, MIN_CURSOR_SECRET_LENGTH } from '../graphql';
import { DATA_USAGE_LABELS, type DataUsageLabel, isDataUsageLabel } from '../xdm';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AccessConfig } from './AccessConfig';
import { type ApiKey, parseApiKeys } from './ApiKey';
import { ConfigError, type GatewayConfig, LOG_LEVELS, type LogLevel } from './GatewayConfig';
import { EMPTY_MANIFEST, parsePersistedQueryManifest, type PersistedQueryManifest } from './PersistedQueryManifest';

export { ConfigError, type GatewayConfig, type IngestLimits, LOG_LEVELS, type LogLevel, type StoreConfig } from './GatewayConfig';

/** Reads and checks the configuration; throws {@link ConfigError} on the first bad value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const uri = text(env.MONGODB_URI);
  if (uri !== undefined && !/^mongodb(\+srv)?:\/\//.test(uri)) {
    throw new ConfigError('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: text(env.HOST) ?? '127.0.0.1',
    environment: readEnvironment(env.NODE_ENV),
    store:
      uri === undefined
        ? { kind: 'embedded', dataDir: dataDirectory(env.DATA_DIR) }
        : {
            kind: 'mongodb',
            uri,
            dbName: databaseName(text(env.MONGODB_DB) ?? 'profile_gateway'),
            serverSelectionTimeoutMS: integer(env, 'MONGODB_SERVER_SELECTION_TIMEOUT_MS', 5000, 1, 600_000),
            configurationCacheMs: integer(env, 'MONGODB_CONFIGURATION_CACHE_MS', 1000, 0, 3_600_000),
          },
    ingest: {
      maxRecordBytes: integer(env, 'INGEST_MAX_RECORD_BYTES', 1_048_576, 1),
      maxIdentitiesPerRecord: integer(env, 'INGEST_MAX_IDENTITIES_PER_RECORD', 20, 1),
      batchSize: integer(env, 'INGEST_BATCH_SIZE', 500, 1, 100_000),
      batchBytes: integer(env, 'INGEST_BATCH_BYTES', 16_777_216, 1),
      maxRecordsPerCall: integer(env, 'INGEST_MAX_RECORDS_PER_CALL', 1000, 1),
      maxBodyBytes: integer(env, 'INGEST_MAX_BODY_BYTES', 1_073_741_824, 1),
    },
    identity: {
      maxGraphSize: integer(env, 'IDENTITY_GRAPH_MAX_SIZE', 50, 1, 10_000),
      blockedValuePatterns: patterns(env.IDENTITY_BLOCKED_PATTERNS),
      phoneDefaultRegion: text(env.IDENTITY_PHONE_DEFAULT_REGION)?.toUpperCase() ?? '',
    },
    demoProfiles: integer(env, 'DEMO_PROFILES', 10_000, 0, 10_000_000),
    segments: {
      streamingMaxWaitMs: integer(env, 'SEGMENT_STREAMING_MAX_WAIT_MS', 1000, 0, 600_000),
      streaming: onOff(env, 'SEGMENT_STREAMING', true),
    },
    access: readAccess(env, readEnvironment(env.NODE_ENV)),
    persistedQueries: readManifest(text(env.PERSISTED_QUERIES_FILE)),
    limits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 1, 1000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 5000, 1),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 10_000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 50, 0, 10_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 5000, 1),
      maxProfilesPerQuery: integer(env, 'GRAPHQL_MAX_PROFILES_PER_QUERY', 100, 1, 100_000),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1, 3_600_000),
      maxBodyBytes: integer(env, 'GRAPHQL_MAX_BODY_BYTES', 1_048_576, 1),
    },
    logLevel: logLevel(env.LOG_LEVEL),
    dataUsage: dataUsagePolicy(env.DATA_USAGE_FORBIDDEN_LABELS),
    cursorSecret: cursorSecret(env.CURSOR_SECRET),
  };
}

function text(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = text(env[name]);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(env[name])}`);
  }
  return parsed;
}

function logLevel(value: string | undefined): LogLevel {
  const level = text(value)?.toLowerCase();
  if (level === undefined) return 'info';
  const known = LOG_LEVELS.find((candidate) => candidate === level);
  if (known === undefined) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`);
  return known;
}

function readEnvironment(value: string | undefined): GatewayConfig['environment'] {
  const environment = text(value);
  if (environment === undefined) return 'development';
  if (environment === 'development' || environment === 'production' || environment === 'test') return environment;
  throw new ConfigError(`NODE_ENV must be development, production or test, got ${JSON.stringify(value)}`);
}

function databaseName(name: string): string {
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) {
    throw new ConfigError(`MONGODB_DB must be 1 to 63 letters, digits, '_' or '-', got ${JSON.stringify(name)}`);
  }
  return name;
}

function patterns(value: string | undefined): string[] {
  const raw = text(value);
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new ConfigError(`IDENTITY_BLOCKED_PATTERNS must be a JSON array of regular expressions, e.g. ["test-.*"], got ${JSON.stringify(value)}`);
  }
  for (const pattern of parsed) {
    try {
      new RegExp(pattern);
    } catch (error) {
      throw new ConfigError(`IDENTITY_BLOCKED_PATTERNS: ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  return parsed;
}

function readAccess(env: NodeJS.ProcessEnv, environment: GatewayConfig['environment']): AccessConfig {
  const mode = text(env.AUTH_MODE) ?? (environment === 'development' ? 'open' : 'apiKey');
  if (mode !== 'open' && mode !== 'apiKey') throw new ConfigError(`AUTH_MODE must be open or apiKey, got ${JSON.stringify(env.AUTH_MODE)}`);
  const inline = text(env.API_KEYS);
  const file = text(env.API_KEYS_FILE);
  if (inline !== undefined && file !== undefined) throw new ConfigError('set API_KEYS or API_KEYS_FILE, not both');
  let keys: readonly ApiKey[] = [];
  if (inline !== undefined) {
    const parsed = parseApiKeys(inline);
    if (!parsed.ok) throw new ConfigError(`API_KEYS ${parsed.problem}`);
    keys = parsed.keys;
  } else if (file !== undefined) {
    const parsed = parseApiKeys(readConfigFile('API_KEYS_FILE', file));
    if (!parsed.ok) throw new ConfigError(`API_KEYS_FILE ${file}: ${parsed.problem}`);
    keys = parsed.keys;
  }
  // Keys are read and checked in open mode too, so switching modes cannot reveal a bad file late.
  return mode === 'open' ? { mode } : { mode, keys };
}

function readManifest(file: string | undefined): PersistedQueryManifest {
  if (file === undefined) return EMPTY_MANIFEST;
  const parsed = parsePersistedQueryManifest(readConfigFile('PERSISTED_QUERIES_FILE', file));
  if (!parsed.ok) throw new ConfigError(`PERSISTED_QUERIES_FILE ${file}: ${parsed.problem}`);
  return { source: file, documents: parsed.documents };
}

function readConfigFile(variable: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${variable} ${file} cannot be read: ${(error as Error).message}`);
  }
}

function dataUsagePolicy(value: string | undefined): DataUsagePolicy {
  const raw = text(value);
  if (raw === undefined) return DEFAULT_DATA_USAGE_POLICY;
  const expected = `DATA_USAGE_FORBIDDEN_LABELS must be a JSON object from role to the labels it may not read, e.g. {"partner": ["I1"]}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${expected}, got ${JSON.stringify(value)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`${expected}, got ${JSON.stringify(value)}`);
  const policy: Record<GatewayRole, readonly DataUsageLabel[]> = { analyst: [], frontend: [], partner: [] };
  for (const [role, labels] of Object.entries(parsed)) {
    const known = GATEWAY_ROLES.find((candidate) => candidate === role);
    if (known === undefined) throw new ConfigError(`DATA_USAGE_FORBIDDEN_LABELS: ${JSON.stringify(role)} is not a role; roles: ${GATEWAY_ROLES.join(', ')}`);
    if (!Array.isArray(labels)) throw new ConfigError(`DATA_USAGE_FORBIDDEN_LABELS: the labels of ${role} must be an array, got ${JSON.stringify(labels)}`);
    const bad = (labels as unknown[]).find((label) => !isDataUsageLabel(label));
    if (bad !== undefined) {
      throw new ConfigError(`DATA_USAGE_FORBIDDEN_LABELS: ${JSON.stringify(bad)} (role ${role}) is not a data-usage label; labels: ${[...DATA_USAGE_LABELS.keys()].join(', ')}`);
    }
    policy[known] = [...new Set(labels as DataUsageLabel[])];
  }
  return policy;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = text(env[name]);
  if (value === undefined) return fallback;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`${name} must be on or off, got ${JSON.stringify(env[name])}`);
}

function cursorSecret(value: string | undefined): string | null {
  const secret = text(value);
  if (secret === undefined) return null;
  if (secret.length < MIN_CURSOR_SECRET_LENGTH) {
    throw new ConfigError(`CURSOR_SECRET must have at least ${MIN_CURSOR_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`), got ${secret.length}`);
  }
  return secret;
}

function dataDirectory(value: string | undefined): string | null {
  const dir = text(value) ?? '.data';
  return dir === 'off' ? null : resolve(dir);
}
