import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w web` serves the app with hot reload and sends API calls to a running server.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': process.env['ARGOVUE_URL'] ?? 'http://127.0.0.1:8080',
      '/healthz': process.env['ARGOVUE_URL'] ?? 'http://127.0.0.1:8080',
    },
  },
});
