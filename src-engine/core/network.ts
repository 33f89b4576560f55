/**
 * Network: owns the clock, the random generator and every component, and runs the fixed
 * per-step schedule
 *
 *   input → integrate (+ threshold/reset) → receive → propagate → plasticity → monitor
 *
 * Within a slot, components run in the order they were added. A spike emitted in step n is
 * propagated in step n and acts on the membrane from step n+1 (no delay), or from step
 * n+1+d with a delay of d steps. snapshot()/restore() copy the complete dynamic state
 * (clock, every component's generator, every component), so a restored network continues spike
 * for spike.
 *
 * Random streams: each component gets its own StepContext whose generator is
 * `rng.fork('step:' + component name)` (see core/rng.ts; build-time draws use other prefixes,
 * e.g. 'conn:' for connectivity and 'init:' for initial states), so what one component draws never shifts the
 * numbers of another: adding an input group or a monitor leaves every other spike train as it was.
 */
import { Clock } from './clock';
import type { Component, ComponentSnapshot, SpikeSource, StepContext } from './component';
import type { Rng, RngState } from './rng';
import { digestValue, mixString } from './stateDigest';

type Slot = 'input' | 'integrate' | 'receive' | 'propagate' | 'plasticity' | 'monitor';
const SLOTS: readonly Slot[] = ['input', 'integrate', 'receive', 'propagate', 'plasticity', 'monitor'];

/** A neuron group as the network sees it: a spike source with a global id offset. */
export interface NeuronGroupLike extends SpikeSource, Component {}

export interface NetworkSnapshot {
  step: number;
  /** Each component's own stream, by component name. */
  rngs: Record<string, RngState>;
  components: Record<string, ComponentSnapshot>;
}

export class Network {
  readonly clock: Clock;
  private readonly components: Component[] = [];
  /** Each component's context (same clock, own generator), parallel to `components`. */
  private readonly ctxs: StepContext[] = [];
  private readonly bySlot: Record<Slot, Component[]> = {
    input: [], integrate: [], receive: [], propagate: [], plasticity: [], monitor: [],
  };
  private readonly ctxBySlot: Record<Slot, StepContext[]> = {
    input: [], integrate: [], receive: [], propagate: [], plasticity: [], monitor: [],
  };
  /** Neuron groups in id order; group g's neurons have global ids offsets[g] + i. */
  readonly neuronGroups: NeuronGroupLike[] = [];
  readonly idOffsets: number[] = [];
  /** Projections in the order added (for statistics such as delivered synaptic events). */
  readonly projections: (Component & { readonly synapseCount: number; readonly deliveredEvents?: number })[] = [];
  private nNeurons = 0;
  private nSynapses = 0;

  constructor(dt: number, readonly rng: Rng) {
    this.clock = new Clock(dt);
  }

  /** Adds a component; names must be unique (they key the snapshot and name its random stream). */
  add<T extends Component>(c: T): T {
    if (this.components.some((o) => o.name === c.name)) throw new Error(`duplicate component name ${c.name}`);
    const ctx: StepContext = { clock: this.clock, rng: this.rng.fork(`step:${c.name}`) };
    this.components.push(c);
    this.ctxs.push(ctx);
    for (const s of SLOTS) if (typeof c[s] === 'function') {
      this.bySlot[s].push(c);
      this.ctxBySlot[s].push(ctx);
    }
    return c;
  }

  /** The components in the order added (read-only view, e.g. for state digests). */
  get allComponents(): readonly Component[] {
    return this.components;
  }

  /** Adds a neuron group: it is simulated and its spikes count towards neurons and the fingerprint. */
  addNeuronGroup<T extends NeuronGroupLike>(g: T): T {
    this.add(g);
    this.neuronGroups.push(g);
    this.idOffsets.push(this.nNeurons);
    this.nNeurons += g.size;
    return g;
  }

  /** Adds a projection and counts its synapses. */
  addProjection<T extends Component & { readonly synapseCount: number; readonly deliveredEvents?: number }>(p: T): T {
    this.add(p);
    this.projections.push(p);
    this.nSynapses += p.synapseCount;
    return p;
  }

  get neurons(): number {
    return this.nNeurons;
  }

  get synapses(): number {
    return this.nSynapses;
  }

  /** Synaptic events delivered by all projections so far. */
  get deliveredEvents(): number {
    let n = 0;
    for (const p of this.projections) n += p.deliveredEvents ?? 0;
    return n;
  }

  /** Advances one step through the fixed schedule. */
  step(): void {
    const b = this.bySlot, c = this.ctxBySlot;
    for (let i = 0; i < b.input.length; i++) b.input[i].input!(c.input[i]);
    for (let i = 0; i < b.integrate.length; i++) b.integrate[i].integrate!(c.integrate[i]);
    for (let i = 0; i < b.receive.length; i++) b.receive[i].receive!(c.receive[i]);
    for (let i = 0; i < b.propagate.length; i++) b.propagate[i].propagate!(c.propagate[i]);
    for (let i = 0; i < b.plasticity.length; i++) b.plasticity[i].plasticity!(c.plasticity[i]);
    for (let i = 0; i < b.monitor.length; i++) b.monitor[i].monitor!(c.monitor[i]);
    this.clock.step++;
  }

  run(steps: number): void {
    for (let n = 0; n < steps; n++) this.step();
  }

  snapshot(): NetworkSnapshot {
    const components: Record<string, ComponentSnapshot> = {};
    const rngs: Record<string, RngState> = {};
    for (let i = 0; i < this.components.length; i++) {
      const c = this.components[i];
      rngs[c.name] = this.ctxs[i].rng.getState();
      if (c.snapshot) components[c.name] = c.snapshot();
    }
    return { step: this.clock.step, rngs, components };
  }

  /**
   * Folds the dynamic state of the first `count` components (name, random-stream position and
   * state, in the order added) into the hash h: what a snapshot of them holds, without copying
   * where a component digests itself.
   */
  digest(h: number, count = this.components.length): number {
    for (let i = 0; i < count; i++) {
      const c = this.components[i];
      h = mixString(h, c.name);
      h = digestValue(h, this.ctxs[i].rng.getState().s);
      if (c.digest) h = c.digest(h);
      else if (c.snapshot) h = digestValue(h, c.snapshot());
    }
    return h;
  }

  restore(s: NetworkSnapshot): void {
    this.clock.step = s.step;
    for (let i = 0; i < this.components.length; i++) {
      const st = s.rngs[this.components[i].name];
      if (!st) throw new Error(`snapshot has no random stream for ${this.components[i].name}`);
      this.ctxs[i].rng.setState(st);
    }
    for (const c of this.components) {
      if (!c.restore) continue;
      const cs = s.components[c.name];
      if (!cs) throw new Error(`snapshot has no state for ${c.name}`);
      c.restore(cs);
    }
  }
}
