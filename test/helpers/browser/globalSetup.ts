import { ensureConsoleBuilt } from '../../../scripts/buildConsole';

/** The browser tests drive the console's real build: built here when missing or stale (as `npm start` does). */
export default async function globalSetup(): Promise<void> {
  const result = await ensureConsoleBuilt({ log: () => undefined });
  if (result === 'no vite') throw new Error('the console browser test needs Vite (a devDependency): run npm ci');
}
