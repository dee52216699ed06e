import * as fs from 'node:fs';
import * as path from 'node:path';
import express, { type Router } from 'express';

/**
 * What the console page may load and connect to: this gateway only. No inline
 * script, no other origin, not framed by another site.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * `GET /console`: the agent console, the static build of `console/` (Vite
 * writes it to `console/dist`; `npm start` builds it first when it is
 * missing or stale). The page holds no data, so it is served without a key;
 * its GraphQL requests need one (in `AUTH_MODE=apiKey`). Built assets carry
 * a content hash in their names and are cached for a year; `index.html` is
 * revalidated every time. Without a build, a plain-text 503 says which command
 * makes one.
 */
export function serveConsole(buildDirectory: string): Router {
  const router = express.Router();
  router.use('/console', (_request, response, next) => {
    response.setHeader('content-security-policy', CONSOLE_CONTENT_SECURITY_POLICY);
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    if (!fs.existsSync(path.join(buildDirectory, 'index.html'))) {
      response.status(503).type('text/plain').send(`The agent console is not built (no ${buildDirectory}/index.html): run npm run build:console\n`);
      return;
    }
    next();
  });
  router.use(
    '/console',
    express.static(buildDirectory, {
      index: 'index.html',
      dotfiles: 'ignore',
      setHeaders: (response, file) => {
        response.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  return router;
}
