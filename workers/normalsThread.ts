/**
 * Installs the normals helper (src-engine/wasm/normalsHelper.ts) in the simulation worker: a
 * nested worker (normals.worker.ts), started when a large float32 white-noise group first asks.
 * Only where memory can be shared (a cross-origin-isolated page: the app's COOP/COEP headers);
 * elsewhere, or if the worker fails, the groups fill their rings themselves: the same run.
 */
import { installNormalsHelper } from '../src-engine/wasm/normalsHelper';
import { sharedMemoryAvailable } from '../src-engine/wasm/wasmApi';

export function installWorkerNormalsHelper(): void {
  if (!sharedMemoryAvailable()) return;
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
