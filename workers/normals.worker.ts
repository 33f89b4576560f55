/**
 * The app's helper thread for the float32 white-noise groups' normals (src-engine/wasm/normalsHelper.ts):
 * a worker started by the simulation worker (workers/normalsThread.ts), serving one ring at a time.
 */
import { serveNormalsJob } from '../src-engine/wasm/normalsThread';
import type { HelperJob } from '../src-engine/wasm/normalsHelper';

self.onmessage = (e: MessageEvent<HelperJob>) => serveNormalsJob(e.data);
