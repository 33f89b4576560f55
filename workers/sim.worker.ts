/**
 * The simulation worker: exposes a SimHost through Comlink. Yielding between chunks uses a
 * MessageChannel (a new task without the 4 ms clamp of nested timers), so parameter changes
 * and frame requests are handled between steps while the simulation runs flat out.
 */
import { expose, transfer } from 'comlink';
import { SimHost, type DatasetLoader, type HostClock } from './simHost';
import { installWorkerNormalsHelper } from './normalsThread';

installWorkerNormalsHelper();

const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const clock: HostClock = {
  now: () => performance.now(),
  later(fn, ms) {
    if (ms > 0) setTimeout(fn, ms);
    else {
      queue.push(fn);
      channel.port2.postMessage(0);
    }
  },
};

/** Image sets are static files next to the app (public/data/<name>.bin), fetched on first use. */
const loadDataset: DatasetLoader = async (name) => {
  const base = new URL(import.meta.env.BASE_URL, self.location.origin);
  const res = await fetch(new URL(`data/${name}.bin`, base));
  if (!res.ok) throw new Error(`could not load the ${name} image set (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
};

expose(new SimHost(clock, transfer, loadDataset));
