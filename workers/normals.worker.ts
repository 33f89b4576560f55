/**
 * The app's helper thread for the float32 white-noise groups (src-engine/wasm/normalsHelper.ts:
 * normals ahead, blocks of the update): a worker started by the simulation worker
 * (workers/normalsThread.ts), serving one group at a time.
 */
import { compileNormalsThread, serveNormalsJob } from '../src-engine/wasm/normalsThread';
import type { HelperJob } from '../src-engine/wasm/normalsHelper';

compileNormalsThread();

self.onmessage = (e: MessageEvent<HelperJob>) => serveNormalsJob(e.data);
