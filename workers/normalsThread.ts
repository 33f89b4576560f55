/**
 * Installs the normals helper (src-engine/wasm/normalsHelper.ts) in the simulation worker: a
 * nested worker (normals.worker.ts), started when a large float32 white-noise group first asks.
 * Only where memory can be shared (a cross-origin-isolated page: the app's COOP/COEP headers) and
 * the machine has at least MIN_CORES logical cores: the page's own thread needs a core to draw.
 * On 2 vCPUs (headless Chromium, the app playing fokker-planck at 1× real time) the helper made the
 * app slower, 0.5–0.7× real time against 0.9–1.0× without it, although the worker alone (the
 * bench, which does not draw) ran twice as fast with it. Elsewhere, or if the worker fails, the
 * groups do all the work themselves: the same run.
 */
import { installNormalsHelper } from '../src-engine/wasm/normalsHelper';
import { sharedMemoryAvailable } from '../src-engine/wasm/wasmApi';

/** Logical cores below which the app runs without the helper. */
export const MIN_CORES = 4;

export function installWorkerNormalsHelper(): void {
  if (!sharedMemoryAvailable() || (navigator.hardwareConcurrency ?? 1) < MIN_CORES) return;
  let worker: Worker | null = null;
  installNormalsHelper({
    serve(job) {
      if (!worker) {
        worker = new Worker(new URL('./normals.worker.ts', import.meta.url), { type: 'module', name: 'normals' });
        worker.onerror = (e) => {
          console.error(`normals helper worker failed (${e.message}); continuing on one thread`);
          installNormalsHelper(null);
        };
      }
      worker.postMessage(job);
    },
  });
}
