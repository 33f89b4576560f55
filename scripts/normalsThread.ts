/** Node's helper thread for the float32 white-noise groups (scripts/nodeNormalsHelper.ts); says 'ready' once loaded. */
import { parentPort } from 'node:worker_threads';
import { serveNormalsJob } from '../src-engine/wasm/normalsThread';
import type { HelperJob } from '../src-engine/wasm/normalsHelper';

parentPort!.on('message', (job: HelperJob) => serveNormalsJob(job));
parentPort!.postMessage('ready');
