/**
 * Pull loop: once per animation frame, if no request is in flight, ask the worker for the data
 * produced since the last pull. The worker merges everything into one frame, so a slow UI gets
 * bigger frames, never a queue. Spikes and rates go into the live buffers; the few scalars
 * the readouts show go into the store.
 */
import { useStore } from '../store';
import { sim } from './client';
import { live, notifyLiveData } from './frameBus';
import { feedSound } from '../audio/spikeAudio';
import { setTimelineInfo } from './timelineStore';
import { feedAB, resetAB } from './abLive';

let running = false;
let inFlight = false;
/** Run and step of the last frame the canvases were told about. */
let drawnAt = '';
/** A frame request unanswered this long (ms) means the worker is gone (frames take milliseconds). */
const STALL_MS = 15_000;
let onStall: ((reason: string) => void) | null = null;

/** Called when the worker stops answering frame requests. */
export function onWorkerStall(fn: (reason: string) => void): void {
  onStall = fn;
}

export function startFrameLoop(): void {
  if (running) return;
  running = true;
  const loop = (): void => {
    if (!inFlight) void pull();
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

/** Call after the worker built a new run (live.info already set): clears the buffers. */
export function resetLiveData(): void {
  const info = live.info;
  live.spikes.clear();
  live.plots = [];
  resetAB();
  useStore.getState().setPlotTitles([]);
  useStore.getState().setMetrics({}, -1);
  if (info) live.rates.reset(info.layers.length, info.rateBinSteps, info.dt_ms);
  useStore.setState({ droppedSpikes: 0 });
  notifyLiveData();
}

/** Pulls one frame now (also used right after pause/step so readouts settle at once). */
export async function pull(): Promise<void> {
  inFlight = true;
  try {
    let timer = 0;
    const stalled = new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => reject(new Error('stall')), STALL_MS);
    });
    let f: Awaited<ReturnType<ReturnType<typeof sim>['pullFrame']>>;
    try {
      f = await Promise.race([sim().pullFrame(), stalled]);
    } catch (e) {
      if ((e as Error).message === 'stall' && !useStore.getState().busy) {
        onStall?.('it stopped answering');
        return;
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
    // Frames of an older run (requested before a rebuild) are dropped.
    if (!live.info || f.runId !== live.info.runId) return;
    live.spikes.push(f.spikeSteps, f.spikeIds, f.step);
    const st = useStore.getState();
    feedSound(f, live.info, st.speed, st.view.raster);
    live.rates.push(f.rateFirstBin, f.rates);
    // A replayed recorded change moved a parameter: the panel shows the value in effect.
    if (f.params) useStore.getState().setValues(f.params);
    if (f.timeline) setTimelineInfo(f.timeline);
    feedAB(f.b);
    if (f.plots) {
      live.plots = f.plots;
      useStore.getState().setPlotTitles(f.plots.map((p) => ({ id: p.id, title: p.title })));
    }
    if (f.metrics) useStore.getState().setMetrics(f.metrics, f.step);
    const layers = live.info.layers;
    let weighted = 0;
    let n = 0;
    for (let l = 0; l < layers.length; l++) {
      const r = live.rates.recentMean(l, 100);
      if (Number.isFinite(r)) {
        weighted += r * layers[l].count;
        n += layers[l].count;
      }
    }
    useStore.getState().frameArrived({
      step: f.step,
      t_ms: f.t_ms,
      fingerprint: f.fingerprint,
      totalSpikes: f.totalSpikes,
      playing: f.playing,
      realtimeFactor: f.realtimeFactor,
      threads: f.threads,
      popRateHz: n > 0 ? weighted / n : NaN,
      droppedSpikes: f.droppedSpikes,
      error: f.error,
      goal: f.goal,
    });
    // Canvases redraw only when the frame brought something to draw: a paused run's frames
    // (60 a second, all empty) would otherwise redraw every chart each animation frame.
    const at = `${f.runId}:${f.step}`;
    if (at !== drawnAt || f.spikeSteps.length > 0 || f.rates.some((r) => r.length > 0) || f.plots || f.b?.plots) notifyLiveData();
    drawnAt = at;
  } catch (e) {
    useStore.getState().pushMessage(`Lost contact with the simulation: ${(e as Error).message}`, 'error');
  } finally {
    inFlight = false;
  }
}
