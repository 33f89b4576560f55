/**
 * SimHost: the simulation side of SimApi, independent of the Worker global so it can be unit
 * tested in Node. It owns one Session, which its PlayLoop runs in chunks while playing or
 * advancing to a step (yielding between chunks, so every message is handled at a step boundary),
 * and assembles frames on demand: whatever happened since the last pull, merged.
 */
import { transfer } from 'comlink';
import { decodeConfigFile, decodeLink, encodeConfigFile, encodeFragment } from '../src-engine/config/link';
import { defaultView, validateView, type ViewConfig } from '../src-engine/config/viewConfig';
import { validateRunConfig, toWire, type RunConfig } from '../src-engine/config/runConfig';
import { EXPERIMENTS, findExperiment } from '../src-engine/experiments/registry';
import { exportBrian2, type Brian2Export } from '../src-engine/export/brian2/index';
import { exportNwb, type NwbExport } from '../src-engine/export/nwb/index';
import { exportPynn, type PynnExport } from '../src-engine/export/pynn/index';
import { decodeImageSet, getImageSet, hasImageSet, provideImageSet } from '../src-engine/inputs/imageSet';
import { LOCAL_IMAGE_SET, makeLocalImageSet } from '../src-engine/inputs/localImages';
import { SpikeMonitor } from '../src-engine/monitors/spikeMonitor';
import { Session } from '../src-engine/run/session';
import { Timeline } from './timeline';
import { ABRun, abTransferables, buildRunB } from './abRun';
import { PlayLoop, type HostClock } from './playLoop';
import { HelperTuner, type HelperMode } from './helperTuner';
import { normalsHelperWanted, releaseNormalsHelper, setNormalsHelperEnabled } from '../src-engine/wasm/normalsHelper';
import type { AdvanceResult, ExperimentInfo, Frame, LinkResult, LocalImages, RunInfo, SetParamsResult, SimApi, Speed } from './simApi';

export type { HostClock } from './playLoop';

/** Attaches transfer lists when running under Comlink; identity in tests. */
export type Transfer = <T>(value: T, transferables: Transferable[]) => T;

/** Fetches the bytes of an image set (the worker: from /data/<name>.bin). */
export type DatasetLoader = (name: string) => Promise<Uint8Array>;

const noDatasets: DatasetLoader = async (name) => {
  throw new Error(`no loader for the ${name} image set`);
};

/** Wall-clock ms between measurement updates while running without new charts. */
const METRICS_EVERY_MS = 500;
/** step(n) runs in pieces of this many steps (the helper tuner measures between them). */
const STEP_PIECE = 200;

export class SimHost implements SimApi {
  private session: Session | null = null;
  /** Checkpoints and the reachable span of the run (rewind and branch). */
  private timeline: Timeline | null = null;
  private sentTimeline = -1;
  /** Run B of an A/B comparison (view.ab), advanced in lockstep; null: none. */
  private ab: ABRun | null = null;
  private abProblem = '';
  private spikes: SpikeMonitor | null = null;
  private spikeCursor = 0;
  private rateCursor = 0;
  /** Plays, paces and advances the run; the session is always `this.session`. */
  private readonly loop: PlayLoop;
  /** Whether the white-noise groups' helper thread runs: decided by measuring (the run is the same either way). */
  private readonly tuner = new HelperTuner({ wanted: normalsHelperWanted, set: setNormalsHelperEnabled });
  private error: string | null = null;
  /** Step of the last measurements sent, and the wall time before which no new ones are sent without charts. */
  private metricsStep = -1;
  private nextMetricsAt = 0;
  /** The experiment's plots must be recomputed for the next frame. */
  private plotsDirty = true;
  /** Wall time before which plots are not recomputed (keeps costly plots to ~¼ of the worker's time). */
  private nextPlotsAt = 0;
  private runId = 0;
  /** Parameter values last reported (frames carry them again when replayed changes alter them). */
  private sentParams = '';
  /** View settings carried in the link (kept across rebuilds; the simulation never reads them). */
  private view: ViewConfig = defaultView();
  /** When the current run was built (ISO 8601): the NWB session start time. */
  private startedAt = new Date().toISOString();

  constructor(private readonly clock: HostClock, private readonly xfer: Transfer = transfer, private readonly loadDataset: DatasetLoader = noDatasets) {
    this.loop = new PlayLoop(clock, { step: () => this.need().step, dtMs: () => this.need().run.network.clock.dt, advance: (n, flatOut) => this.advance(n, flatOut) });
  }

  async listExperiments(): Promise<ExperimentInfo[]> {
    return EXPERIMENTS.map((e) => ({ id: e.id, mode: e.mode, title: e.title, summary: e.summary, differences: [...e.differences], dt_ms: e.dt_ms, defaultSteps: e.defaultSteps, params: e.params.map((p) => ({ ...p })), ...(e.primary ? { primary: { controls: [...e.primary.controls], plots: [...e.primary.plots], ...(e.primary.speed ? { speed: e.primary.speed } : {}) } } : {}), ...(e.localImages ? { localImages: { ...e.localImages } } : {}) }));
  }

  async decodeLink(text: string): Promise<LinkResult> {
    return decodeLink(text);
  }

  async decodeConfigFile(text: string): Promise<LinkResult> {
    return decodeConfigFile(text);
  }

  async configFile(): Promise<string> {
    return encodeConfigFile(this.need().toConfig(), this.view);
  }

  async provideLocalImages(images: LocalImages): Promise<{ count: number }> {
    const set = makeLocalImageSet(images);
    provideImageSet(set);
    return { count: set.count };
  }

  async setView(view: ViewConfig): Promise<RunInfo> {
    const r = validateView(view);
    if (r.messages.length > 0) throw new Error(r.messages.join(' '));
    const abChanged = JSON.stringify(r.view.ab ?? null) !== JSON.stringify(this.view.ab ?? null);
    this.view = r.view;
    if (abChanged && this.session) await this.rebuildB();
    return this.info();
  }

  async configure(config: RunConfig): Promise<RunInfo> {
    // Re-validate: the config crossed a thread boundary and may come from anywhere.
    const { config: safe, messages } = validateRunConfig(toWire(config));
    if (messages.length > 0) throw new Error(messages.join(' '));
    if (this.session) this.loop.stop();
    this.error = null;
    await this.ensureDatasets(safe.experiment, safe.params);
    // The white-noise group of the run being replaced no longer asks for the helper.
    releaseNormalsHelper();
    const session = new Session(safe);
    const net = session.run.network;
    this.spikes = net.add(new SpikeMonitor(net, 1 << 20));
    this.session = session;
    this.timeline = new Timeline(session, net.clock.dt);
    this.sentTimeline = -1;
    this.startedAt = new Date().toISOString();
    this.spikeCursor = 0;
    this.rateCursor = 0;
    this.plotsDirty = true;
    this.metricsStep = -1;
    this.runId++;
    await this.rebuildB();
    return this.info();
  }

  /** Builds run B for view.ab (or drops it, with a message, when the choice does not fit this experiment). */
  private async rebuildB(): Promise<void> {
    this.ab = null;
    const r = await buildRunB(this.need(), this.view.ab ?? null, (e, p) => this.ensureDatasets(e, p));
    this.ab = r.run;
    this.abProblem = r.problem;
    if (r.problem) this.view = { ...this.view, ab: null };
  }

  private async ensureDatasets(experiment: string, params: Record<string, number>): Promise<void> {
    for (const name of findExperiment(experiment)?.datasets?.(params) ?? []) {
      if (name === LOCAL_IMAGE_SET && !hasImageSet(name)) throw new Error('this run trains on your own images, which are not loaded here; choose them again or pick another input');
      if (!hasImageSet(name)) provideImageSet(decodeImageSet(name, await this.loadDataset(name)));
    }
  }

  async play(): Promise<void> {
    if (!this.session || this.error) return;
    this.loop.play();
  }

  async pause(): Promise<void> {
    if (this.session) this.loop.stop();
  }

  async step(n: number): Promise<void> {
    if (!this.session || this.error) return;
    this.loop.stop();
    // In pieces, so the helper tuner can measure and switch during a long step.
    for (let left = Math.max(0, Math.min(Math.floor(n), 10_000_000)); left > 0; ) {
      const k = Math.min(left, STEP_PIECE);
      if (!this.advance(k, true)) break;
      left -= k;
    }
  }

  async advanceTo(step: number): Promise<AdvanceResult> {
    const s = this.need();
    if (!Number.isSafeInteger(step) || step < 0) throw new Error(`advanceTo needs a whole step number, 0 or more (got ${step})`);
    if (this.error) return { step: s.step, reached: false };
    return this.loop.advanceTo(step);
  }

  async reset(): Promise<RunInfo> {
    const s = this.need();
    const cfg = s.toConfig();
    return this.configure({ ...cfg, params: { ...s.params }, events: [] });
  }

  async setParams(patch: Record<string, number>): Promise<SetParamsResult> {
    const s = this.need();
    const applied: string[] = [];
    const rejected: string[] = [];
    for (const [key, value] of Object.entries(patch)) {
      try {
        s.setParam(key, value);
        this.timeline?.beforeChange();
        this.ab?.setParam(key, value);
        applied.push(key);
      } catch (e) {
        rejected.push((e as Error).message);
      }
    }
    this.plotsDirty = true;
    this.metricsStep = -1;
    return { step: s.step, applied, rejected, info: this.info() };
  }

  async seek(step: number): Promise<RunInfo> {
    if (!Number.isFinite(step) || !this.session) throw new Error('seek needs a run and a step number');
    this.loop.stop();
    this.error = null;
    const at = this.timeline!.seek(step);
    this.ab?.seek(at);
    // The spikes buffered so far belong to the other history; the UI starts afresh (new runId).
    this.spikes!.clear();
    this.spikeCursor = this.rateCursor = 0;
    this.plotsDirty = true;
    this.runId++;
    this.sentTimeline = -1;
    return this.info();
  }

  async setSpeed(speed: Speed): Promise<void> {
    if (!(speed > 0)) throw new Error('speed must be positive');
    this.loop.setSpeed(speed);
  }

  async setHelperMode(mode: HelperMode): Promise<void> {
    if (mode !== 'auto' && mode !== 'on' && mode !== 'off') throw new Error(`helper mode must be auto, on or off (got ${String(mode)})`);
    this.tuner.setMode(mode);
  }

  async pullFrame(): Promise<Frame> {
    const s = this.session;
    if (!s || !this.spikes) {
      return { runId: 0, step: 0, t_ms: 0, fingerprint: '', totalSpikes: 0, playing: false, spikeSteps: new Int32Array(0), spikeIds: new Int32Array(0), droppedSpikes: 0, rateFirstBin: 0, rates: [], realtimeFactor: 0, threads: 1, plots: null, metrics: null, error: this.error, params: null, timeline: null, b: null, goal: null };
    }
    const batch = this.spikes.read(this.spikeCursor);
    this.spikeCursor = batch.next;
    const rateBatches = s.run.rates.map((m) => m.read(this.rateCursor));
    // All layer monitors share the bin size, so they complete bins together.
    const first = rateBatches.length ? rateBatches[0].firstBin : 0;
    this.rateCursor = rateBatches.length ? rateBatches[0].next : 0;
    const rates = rateBatches.map((b) => b.rates);
    const paramsNow = JSON.stringify(s.params);
    const paramsChanged = paramsNow !== this.sentParams;
    this.sentParams = paramsNow;
    const frame: Frame = {
      runId: this.runId,
      step: s.step,
      t_ms: s.step * s.run.network.clock.dt,
      fingerprint: s.fingerprint.fp.hex(),
      totalSpikes: s.fingerprint.fp.count,
      playing: this.loop.playing,
      spikeSteps: batch.steps,
      spikeIds: batch.ids,
      droppedSpikes: batch.dropped,
      rateFirstBin: first,
      rates,
      realtimeFactor: this.loop.realtimeFactor(),
      threads: this.tuner.threads,
      plots: this.plotsDirty && s.run.plots && this.clock.now() >= this.nextPlotsAt ? this.timedPlots(s) : null,
      metrics: null,
      error: this.error,
      params: paramsChanged ? { ...s.params } : null,
      timeline: this.timeline && this.timeline.version !== this.sentTimeline ? this.timeline.info() : null,
      b: null,
      goal: this.loop.goal,
    };
    if (this.timeline) this.sentTimeline = this.timeline.version;
    frame.b = this.ab ? this.ab.frame(frame.plots !== null) : null;
    if (frame.plots) this.plotsDirty = false;
    // Measurements at the same step as the charts; without new charts, at most twice a second (and after every step while paused).
    const now = this.clock.now();
    if (frame.plots || s.step !== this.metricsStep && (now >= this.nextMetricsAt || !this.loop.playing)) {
      frame.metrics = s.run.metrics();
      this.metricsStep = s.step;
      this.nextMetricsAt = now + METRICS_EVERY_MS;
    }
    // Surface plots carry a fresh Float32Array each: transferred, not copied.
    const plotBuffers = (frame.plots ?? []).flatMap((p) => (p.kind === 'surface' ? [p.values.buffer] : []));
    return this.xfer(frame, [batch.steps.buffer, batch.ids.buffer, ...rates.map((r) => r.buffer), ...plotBuffers, ...abTransferables(frame.b)]);
  }

  async metrics() {
    return this.need().run.metrics();
  }

  async brian2Script(): Promise<Brian2Export> {
    const s = this.need();
    return exportBrian2(s.def.id, { ...s.params }, s.config.seed);
  }

  async pynnScript(): Promise<PynnExport> {
    const s = this.need();
    return exportPynn(s.def.id, { ...s.params }, s.config.seed);
  }

  async nwbSpikes(pageUrl: string): Promise<NwbExport> {
    this.need();
    const h5wasm = (await import('h5wasm')).default;
    // Everything below is read after the import, together; the re-run inside exportNwb is
    // synchronous up to the file writing, so the playing loop cannot interleave with it.
    const s = this.need();
    const config = s.toConfig();
    const r = await exportNwb(h5wasm, {
      config, steps: s.step, knownSpikes: s.fingerprint.fp.count, expectedFingerprint: s.fingerprint.fp.hex(),
      link: `${pageUrl.split('#')[0]}#${encodeFragment(config, this.view)}`, startTime: this.startedAt, createdTime: new Date().toISOString(),
    });
    return r.ok ? this.xfer(r, [r.bytes.buffer as ArrayBuffer]) : r;
  }

  /** The experiment's plots; an expensive computation (an energy landscape) defers the next one by three times its cost. */
  private timedPlots(s: Session) {
    const start = this.clock.now();
    const plots = s.run.plots!();
    this.nextPlotsAt = this.clock.now() + 3 * (this.clock.now() - start);
    return plots;
  }

  private need(): Session {
    if (!this.session) throw new Error('no run configured');
    return this.session;
  }

  private info(): RunInfo {
    const s = this.need();
    this.sentParams = JSON.stringify(s.params);
    // The link says when the run trains on local images it cannot carry (how many).
    const li = s.def.localImages && s.params[s.def.localImages.key] === s.def.localImages.option && hasImageSet(LOCAL_IMAGE_SET) ? getImageSet(LOCAL_IMAGE_SET).count : 0;
    const view: ViewConfig = { ...this.view, hidden: [...this.view.hidden], localImages: li };
    const net = s.run.network;
    const config = s.toConfig();
    return {
      runId: this.runId,
      config,
      params: { ...s.params },
      view,
      fragment: encodeFragment(config, view),
      mode: s.def.mode,
      neurons: net.neurons,
      synapses: net.synapses,
      dt_ms: net.clock.dt,
      layers: s.run.layers.map((l) => ({ ...l })),
      rateBinSteps: s.run.rates[0]?.binSteps ?? 10,
      abProblem: this.abProblem,
    };
  }

  /** Runs n steps (`flatOut`: as fast as it can, see HelperTuner); stops the run and records the error if the network blows up. */
  private advance(n: number, flatOut: boolean): boolean {
    const s = this.need();
    try {
      const timed = this.tuner.active;
      const t0 = timed ? this.clock.now() : 0;
      this.timeline!.advance(n);
      this.ab?.advance(n);
      if (n > 0) this.plotsDirty = true;
      if (timed) {
        const t1 = this.clock.now();
        this.tuner.record(n, t1 - t0, flatOut, t1);
      }
      return true;
    } catch (e) {
      // The play loop stops when this returns false.
      this.error = (e as Error).message;
      return false;
    }
  }
}
