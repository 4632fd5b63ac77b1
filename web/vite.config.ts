import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server owns these paths; in dev (`npm run dev:web`) Vite forwards them to `npm start` on :3000.
const SERVER_URL = 'http://localhost:3000';
const PROXIED_PATHS = ['/api', '/health', '/ready', '/metrics'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    // Relative to `root`: /dist/web at the repository root, which server/platform/http/static-web.ts serves.
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: Object.fromEntries(
      PROXIED_PATHS.map((path) => [path, { target: SERVER_URL, changeOrigin: true }]),
    ),
  },
});
