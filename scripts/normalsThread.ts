/** Node's helper thread for the float32 white-noise groups' normals (scripts/nodeNormalsHelper.ts). */
import { parentPort } from 'node:worker_threads';
import { serveNormalsJob } from '../src-engine/wasm/normalsThread';
import type { NormalsJob } from '../src-engine/wasm/normalsRing';

parentPort!.on('message', (job: NormalsJob) => serveNormalsJob(job));
