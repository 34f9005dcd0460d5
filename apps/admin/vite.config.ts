import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves this build at /admin on its own port, next to /api; in dev, vite proxies /api to it.
const apiTarget = process.env.JIMUKYOKU_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // The pure domain library (formatJst, category descriptions, labels) from its sources, as jest
    // and tsconfig do: the admin shows rules exactly as the API computes them, with no prior build.
    alias: { '@jimukyoku/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // react-admin + MUI is a big vendor graph; a warning at 500 kB would only be noise.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Vendor code changes only with the lock file, app code with every deploy: separate chunks
        // keep the browser's cache of the large part across releases.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'vendor-mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
