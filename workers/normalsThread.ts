/**
 * Installs the normals helper (src-engine/wasm/normalsHelper.ts) in the simulation worker: a
 * nested worker (normals.worker.ts), started when a large float32 white-noise group first asks.
 * Only where memory can be shared (a cross-origin-isolated page: the app's COOP/COEP headers).
 * It starts switched off: the simulation worker's HelperTuner (helperTuner.ts) turns it on where
 * it measures a gain. (On 2 vCPUs, with the page drawing fokker-planck, the helper made the app
 * slower; with the page idle, twice as fast.) Without it, or if the worker fails, the groups do
 * all the work themselves: the same run.
 */
import { installNormalsHelper, setNormalsHelperEnabled } from '../src-engine/wasm/normalsHelper';
import { sharedMemoryAvailable } from '../src-engine/wasm/wasmApi';

export function installWorkerNormalsHelper(): void {
  if (!sharedMemoryAvailable()) return;
  setNormalsHelperEnabled(false);
  let worker: Worker | null = null;
  const start = (): Worker => {
    if (!worker) {
      worker = new Worker(new URL('./normals.worker.ts', import.meta.url), { type: 'module', name: 'normals' });
      worker.onerror = (e) => {
        console.error(`normals helper worker failed (${e.message}); continuing on one thread`);
        installNormalsHelper(null);
      };
    }
    return worker;
  };
  installNormalsHelper({
    serve: (job) => start().postMessage(job),
    // Started (and its modules compiled) when a group first asks, so the tuner's first trial measures a warm helper.
    prepare: () => void start(),
  });
}
