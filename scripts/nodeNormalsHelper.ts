/**
 * Installs a worker_threads helper for the float32 white-noise groups (src-engine/wasm/normalsHelper.ts:
 * their normals computed ahead, part of each step's update) for the CLI, the benchmark and the
 * tests that ask for it.
 * The thread runs scripts/normalsThread.ts through tsx's loader (the project's TypeScript runs
 * unbuilt in Node), is started when a group first asks, or at once with `eager` (the benchmark:
 * its start-up, ~0.1–0.3 s, is then not inside a timed run), and does not keep the process alive.
 * Until it runs, or if it fails to start, the groups do all the work themselves: the same run, one thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { installNormalsHelper } from '../src-engine/wasm/normalsHelper';

/** tsx's ESM registration module (its package's `./esm/api` export). */
function tsxApiUrl(): string {
  const req = createRequire(import.meta.url);
  const pkgPath = req.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api'].import.default)).href;
}

/**
 * Installs the helper; `ready` resolves once its thread has loaded (at once unless `eager`: the
 * benchmark waits for it, so that loading the thread's modules does not overlap a timed run);
 * `close()` removes the helper and ends its thread.
 */
export function installNodeNormalsHelper(eager = false): { ready: Promise<void>; close(): Promise<void> } {
  let worker: Worker | null = null;
  const spawn = () => {
    const entry = new URL('./normalsThread.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsxApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    const w = new Worker(boot, { eval: true, name: 'normals' });
    w.unref();
    w.on('error', (e) => {
      console.error(`normals helper thread failed (${e.message}); continuing on one thread`);
      installNormalsHelper(null);
    });
    return w;
  };
  let ready = Promise.resolve();
  if (eager) {
    const w = (worker = spawn());
    ready = new Promise((resolve) => {
      w.once('message', () => resolve());
      w.once('error', () => resolve());
    });
  }
  installNormalsHelper({
    serve(job) {
      worker ??= spawn();
      worker.postMessage(job);
    },
  });
  return {
    ready,
    async close() {
      installNormalsHelper(null);
      await worker?.terminate();
      worker = null;
    },
  };
}
