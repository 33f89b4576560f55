import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { APP_ICONS, iconPng } from './scripts/appIcons';

// Cross-origin isolation (COOP + COEP) makes SharedArrayBuffer available to the workers.
// The service worker stores each precached response with its headers, so pages and workers
// served from the cache offline are isolated too (e2e/offline.spec.ts checks crossOriginIsolated).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Writes the install icons (drawn in code, scripts/appIcons.ts) into the build. */
function appIcons(): Plugin {
  return {
    name: 'app-icons',
    apply: 'build',
    generateBundle() {
      for (const icon of APP_ICONS) this.emitFile({ type: 'asset', fileName: icon.src, source: iconPng(icon.size, icon.purpose) });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    appIcons(),
    // Works offline: the whole build (app, worker chunks, the lazily loaded 3D view, MNIST data,
    // thumbnails, fonts) is precached; a new version waits until the user accepts the prompt.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Plasticity Playground',
        short_name: 'Plasticity',
        description: 'Interactive laboratory for spiking neural networks and synaptic plasticity',
        theme_color: '#0f2942',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          ...APP_ICONS.map((i) => ({ src: i.src, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.purpose })),
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,bin,wasm,woff2,woff,ttf,json,webmanifest}'],
        // MNIST (public/data/mnist.bin, ~2 MB) and the largest chunks must fit.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once (no page reload needed to work offline later);
        // later versions still wait for the prompt (no skipWaiting).
        clientsClaim: true,
      },
    }),
  ],
  server: { port: 5173, headers: isolation },
  preview: { port: 4173, headers: isolation },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
