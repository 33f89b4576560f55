/**
 * Session: one reproducible run. It builds the experiment from a RunConfig with a generator
 * seeded from the config, replays the recorded parameter changes at their steps, records new
 * live changes with the step at which they take effect, and keeps the run fingerprint over
 * every spike. The worker, the CLI, the benchmark and the tests all run experiments this way,
 * so the same config and step count give the same fingerprint everywhere.
 */
import { findExperiment } from '../experiments/registry';
import type { ExperimentDef, ExperimentRun, MetricValue, ParamValues } from '../experiments/types';
import { checkParam, MAX_EVENTS, type ParamEvent, type RunConfig } from '../config/runConfig';
import { Rng } from '../core/rng';
import type { NetworkSnapshot } from '../core/network';
import { FingerprintMonitor } from '../monitors/fingerprint';

export interface RunSummary {
  experiment: string;
  seed: number;
  steps: number;
  dt_ms: number;
  neurons: number;
  synapses: number;
  spikes: number;
  fingerprint: string;
  metrics: Record<string, MetricValue>;
}

export interface SessionSnapshot {
  network: NetworkSnapshot;
  params: ParamValues;
  events: ParamEvent[];
  nextEvent: number;
  /** Changes already folded into the fingerprint (absent in snapshots stored before it existed: then all applied ones). */
  folded?: number;
}

export class Session {
  readonly def: ExperimentDef;
  readonly run: ExperimentRun;
  readonly fingerprint: FingerprintMonitor;
  /** Parameters in effect now. */
  readonly params: ParamValues;
  private readonly initialParams: ParamValues;
  /** Recorded changes: replayed ones from the config plus live ones made here. */
  private events: ParamEvent[];
  private nextEvent = 0;
  /** Changes folded into the fingerprint so far (folded when the run next moves, so two changes of one key at one step count once, as their replay does). */
  private folded = 0;

  constructor(readonly config: RunConfig) {
    const def = findExperiment(config.experiment);
    if (!def) throw new Error(`unknown experiment "${config.experiment}"`);
    this.def = def;
    for (const spec of def.params) {
      const err = checkParam(spec, config.params[spec.key]);
      if (err) throw new Error(err);
    }
    this.initialParams = { ...config.params };
    this.params = { ...config.params };
    this.events = config.events.map((e) => ({ ...e }));
    this.run = def.build({ ...config.params }, new Rng(config.seed));
    this.fingerprint = this.run.network.add(new FingerprintMonitor(this.run.network));
    // A parameter at the value older links ran with is left out, so those runs keep their fingerprints.
    const folded = { ...config.params };
    for (const spec of def.params) if (spec.legacy && folded[spec.key] === spec.legacy.value) delete folded[spec.key];
    this.fingerprint.fp.addConfig(def.id, config.seed, folded);
    this.applyDueEvents();
  }

  get step(): number {
    return this.run.network.clock.step;
  }

  /** Advances n steps, applying recorded changes at the step boundaries they name. */
  advance(n: number): void {
    const net = this.run.network;
    const end = net.clock.step + n;
    while (net.clock.step < end) {
      const nextAt = this.nextEvent < this.events.length ? this.events[this.nextEvent].step : Infinity;
      const until = Math.min(end, nextAt);
      this.foldChanges();
      net.run(until - net.clock.step);
      this.applyDueEvents();
    }
  }

  /**
   * Changes a live parameter now (effective from the next step) and records it with the current
   * step. Recorded changes later than now (from a replayed link) are discarded: the run has branched.
   */
  setParam(key: string, value: number): void {
    const spec = this.def.params.find((s) => s.key === key);
    if (!spec) throw new Error(`unknown parameter "${key}"`);
    if (!spec.live) throw new Error(`${key} cannot change while running; rebuild the network instead`);
    const err = checkParam(spec, value);
    if (err) throw new Error(err);
    this.events.length = this.nextEvent;
    const step = this.step;
    // Even at step 0 a change is an event, not a new initial value: the network was built (initial
    // state drawn) with the old value, and only replaying the change reproduces that.
    const last = this.events[this.events.length - 1];
    if (last && last.step === step && last.key === key) last.value = value;
    else {
      if (this.events.length >= MAX_EVENTS) throw new Error(`too many recorded changes (limit ${MAX_EVENTS}); reset to keep changing parameters`);
      this.events.push({ step, key, value });
    }
    this.nextEvent = this.events.length;
    this.apply(key, value);
  }

  /** The configuration that reproduces this run from step 0 (initial params plus recorded changes). */
  toConfig(): RunConfig {
    return {
      experiment: this.def.id,
      seed: this.config.seed,
      params: { ...this.initialParams },
      events: this.events.map((e) => ({ ...e })),
    };
  }

  summary(): RunSummary {
    const net = this.run.network;
    return {
      experiment: this.def.id,
      seed: this.config.seed,
      steps: net.clock.step,
      dt_ms: net.clock.dt,
      neurons: net.neurons,
      synapses: net.synapses,
      spikes: this.fingerprint.fp.count,
      fingerprint: this.fingerprint.fp.hex(),
      metrics: this.run.metrics(),
    };
  }

  snapshot(): SessionSnapshot {
    return { network: this.run.network.snapshot(), params: { ...this.params }, events: this.events.map((e) => ({ ...e })), nextEvent: this.nextEvent, folded: this.folded };
  }

  /**
   * Puts the run back exactly where the snapshot was taken (the session must have been built from
   * the same configuration). Live parameters whose value differs are first applied through the
   * experiment (so every copy the experiment keeps — closures, metrics, rule settings — is
   * current); then the network's snapshot overwrites every bit of dynamic state, including any
   * side effect those calls had.
   */
  restore(s: SessionSnapshot): void {
    for (const spec of this.def.params) {
      const v = s.params[spec.key];
      if (spec.live && v !== undefined && v !== this.params[spec.key]) this.apply(spec.key, v);
    }
    this.run.network.restore(s.network);
    this.events = s.events.map((e) => ({ ...e }));
    this.nextEvent = s.nextEvent;
    this.folded = s.folded ?? s.nextEvent;
    Object.assign(this.params, s.params);
  }

  private apply(key: string, value: number): void {
    this.params[key] = value;
    this.run.setParam(key, value);
  }

  /** Folds the changes applied since the run last moved into the fingerprint. */
  private foldChanges(): void {
    for (; this.folded < this.nextEvent; this.folded++) {
      const e = this.events[this.folded];
      this.fingerprint.fp.addChange(e.step, e.key, e.value);
    }
  }

  private applyDueEvents(): void {
    const step = this.step;
    while (this.nextEvent < this.events.length && this.events[this.nextEvent].step <= step) {
      const e = this.events[this.nextEvent++];
      this.apply(e.key, e.value);
    }
  }
}
