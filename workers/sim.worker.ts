/**
 * The simulation worker: exposes a SimHost through Comlink. Yielding between chunks uses a
 * MessageChannel (a new task without the 4 ms clamp of nested timers), so parameter changes
 * and frame requests are handled between steps while the simulation runs flat out.
 */
import { expose } from 'comlink';
import { SimHost, type HostClock } from './simHost';

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

expose(new SimHost(clock));
