import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The server owns these paths; in dev (`npm run dev:web`) Vite forwards them to `npm start` on :3000.
const SERVER_URL = 'http://localhost:3000';
const PROXIED_PATHS = ['/api', '/v1', '/health', '/ready', '/metrics'];
// dist/web at the repository root, which server/platform/http/static-web.ts serves. WEB_OUT_DIR builds
// elsewhere (the e2e run builds its own copy); the service worker plugin needs it too, so it is set here
// rather than with --outDir, which the plugin does not follow.
const OUT_DIR = process.env.WEB_OUT_DIR ?? fileURLToPath(new URL('../dist/web', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    VitePWA({
      // main.tsx registers the worker through virtual:pwa-register (the CSP forbids inline scripts).
      injectRegister: false,
      outDir: OUT_DIR,
      registerType: 'autoUpdate',
      includeAssets: ['favicon.svg', 'favicon-32.png', 'apple-touch-icon.png', 'offline.html'],
      manifest: {
        id: '/',
        name: 'FlashFusion',
        short_name: 'FlashFusion',
        description:
          'Self-hostable, multi-tenant AI platform: agents, workflows, AI gateway, content and apps.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#101018',
        theme_color: '#5b4cf0',
        categories: ['productivity', 'developer'],
        icons: [
          { src: '/pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The shell (HTML entry, JS and CSS chunks, icons) is precached; API answers never are.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Navigations go to the network; when it fails (offline, server down) the offline page answers.
        navigateFallback: null,
        runtimeCaching: [
          {
            urlPattern: ({ request, url }) =>
              request.mode === 'navigate' && !/^\/(api|v1|health|ready|metrics)(\/|$)/.test(url.pathname),
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: '/offline.html' } },
          },
        ],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
  },
  server: {
    proxy: Object.fromEntries(
      PROXIED_PATHS.map((path) => [path, { target: SERVER_URL, changeOrigin: true, ws: path === '/api' }]),
    ),
  },
});
