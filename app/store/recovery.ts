/**
 * Worker recovery: when the simulation worker crashes or stops answering, start a new one and
 * rebuild the run from what the app kept: the configuration (parameters, seed, every recorded
 * change), the view settings and the speed. Nothing the user set is lost; the run restarts at
 * t = 0 and replays the recorded changes.
 */
import { restartSim, sim } from '../engine/client';
import { applyView, openConfig } from './actions';
import { useStore } from './index';

let recovering = false;
/** Called after the new worker exists, before the run is rebuilt (e.g. to re-send local images). */
const beforeRebuild: (() => Promise<void>)[] = [];

export function onWorkerRestart(fn: () => Promise<void>): void {
  beforeRebuild.push(fn);
}

export async function recoverWorker(reason: string): Promise<void> {
  if (recovering) return;
  recovering = true;
  const s = useStore.getState();
  const info = s.info;
  const wasPlaying = s.playing;
  try {
    restartSim();
    s.pushMessage(`The simulation worker stopped (${reason}) and was restarted; your parameters, recorded changes and view settings were kept (the run restarted at t = 0).`, 'warning');
    s.setExperiments(await sim().listExperiments());
    for (const fn of beforeRebuild) await fn();
    if (info) {
      await openConfig(info.config, wasPlaying || info.mode === 'simulated');
      await applyView(info.view);
    }
  } finally {
    recovering = false;
  }
}
