import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Cross-origin isolation (COOP + COEP) makes SharedArrayBuffer available to the workers.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, headers: isolation },
  preview: { port: 4173, headers: isolation },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
