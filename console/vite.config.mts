import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The agent console's build: `npm run build:console` (and `npm start`, when
 * the build is missing or stale) writes console/dist, which the gateway
 * serves at /console. Everything is bundled into files of the build (no
 * inlined assets, no CDN), so the page loads nothing but the gateway.
 */
export default defineConfig({
  base: '/console/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
