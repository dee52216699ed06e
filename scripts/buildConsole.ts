/**
 * `npm run build:console`, and `npm start` (its `prestart`): builds the agent
 * console (console/) with Vite into console/dist, which the gateway serves at
 * GET /console, when the build is missing or stale. A build is stale when
 * the SHA-256 of its inputs (console sources, Vite and TypeScript
 * configuration, package-lock.json) differs from the one it recorded in
 * console/dist/.source-hash. `--force` builds anyway. The browser tests'
 * global setup calls {@link ensureConsoleBuilt} the same way.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const CONSOLE_ROOT = path.join(ROOT, 'console');
const OUT = path.join(CONSOLE_ROOT, 'dist');
const STAMP = path.join(OUT, '.source-hash');

function filesUnder(directory: string): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(directory, entry.name)) : [path.join(directory, entry.name)]))
    .sort();
}

/** The SHA-256 of everything the build reads from the repository. */
export function consoleSourceHash(): string {
  const inputs = [
    ...filesUnder(path.join(CONSOLE_ROOT, 'src')),
    path.join(CONSOLE_ROOT, 'index.html'),
    path.join(CONSOLE_ROOT, 'vite.config.mts'),
    path.join(CONSOLE_ROOT, 'tsconfig.json'),
    path.join(ROOT, 'package-lock.json'),
  ];
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Named through a variable, so the CommonJS type check does not look for Vite's ESM-only types. */
const VITE = 'vite';

/** The part of Vite's JavaScript API this script calls. */
interface ViteBuild {
  build(config: { root: string; configFile: string; logLevel: 'warn' }): Promise<unknown>;
}

/** Builds the console unless its build is up to date; resolves with what it did. */
export async function ensureConsoleBuilt(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<'built' | 'up to date' | 'no vite'> {
  const log = options.log ?? ((line: string) => console.log(line));
  const hash = consoleSourceHash();
  const current = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : undefined;
  if (options.force !== true && current === hash && fs.existsSync(path.join(OUT, 'index.html'))) return 'up to date';
  log(`console: ${current === undefined ? 'no build yet' : 'sources changed'}; building console/ with Vite into console/dist…`);
  // Vite is ESM-only (its types too, which this CommonJS project cannot resolve): the one call used, typed here.
  let vite: ViteBuild;
  try {
    vite = (await import(VITE)) as ViteBuild;
  } catch {
    // An install without devDependencies (npm ci --omit=dev): serve the build the image already has, or none.
    log(
      'console: Vite is not installed (devDependencies omitted?): console/dist is not rebuilt; build it with npm run build:console where devDependencies are installed',
    );
    return 'no vite';
  }
  await vite.build({ root: CONSOLE_ROOT, configFile: path.join(CONSOLE_ROOT, 'vite.config.mts'), logLevel: 'warn' });
  fs.writeFileSync(STAMP, `${hash}\n`);
  log('console: built console/dist');
  return 'built';
}

if (require.main === module) {
  ensureConsoleBuilt({ force: process.argv.includes('--force') }).then(
    (result) => {
      if (result === 'up to date') console.log('console: console/dist is up to date');
    },
    (error: unknown) => {
      console.error('console: the build failed:', error);
      process.exit(1);
    },
  );
}
