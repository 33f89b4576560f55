/**
 * Network: owns the clock, the random generator and every component, and runs the fixed
 * per-step schedule
 *
 *   input → integrate (+ threshold/reset) → receive → propagate → plasticity → monitor
 *
 * Within a slot, components run in the order they were added. A spike emitted in step n is
 * propagated in step n and acts on the membrane from step n+1 (no delay), or from step
 * n+1+d with a delay of d steps. snapshot()/restore() copy the complete dynamic state
 * (clock, generator, every component), so a restored network continues spike for spike.
 */
import { Clock } from './clock';
import type { Component, ComponentSnapshot, SpikeSource, StepContext } from './component';
import type { Rng, RngState } from './rng';

type Slot = 'input' | 'integrate' | 'receive' | 'propagate' | 'plasticity' | 'monitor';
const SLOTS: readonly Slot[] = ['input', 'integrate', 'receive', 'propagate', 'plasticity', 'monitor'];

/** A neuron group as the network sees it: a spike source with a global id offset. */
export interface NeuronGroupLike extends SpikeSource, Component {}

export interface NetworkSnapshot {
  step: number;
  rng: RngState;
  components: Record<string, ComponentSnapshot>;
}

export class Network {
  readonly clock: Clock;
  readonly ctx: StepContext;
  private readonly components: Component[] = [];
  private readonly bySlot: Record<Slot, Component[]> = {
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
    this.ctx = { clock: this.clock, rng };
  }

  /** Adds a component; names must be unique (they key the snapshot). */
  add<T extends Component>(c: T): T {
    if (this.components.some((o) => o.name === c.name)) throw new Error(`duplicate component name ${c.name}`);
    this.components.push(c);
    for (const s of SLOTS) if (typeof c[s] === 'function') this.bySlot[s].push(c);
    return c;
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
    const ctx = this.ctx;
    const b = this.bySlot;
    for (let i = 0; i < b.input.length; i++) b.input[i].input!(ctx);
    for (let i = 0; i < b.integrate.length; i++) b.integrate[i].integrate!(ctx);
    for (let i = 0; i < b.receive.length; i++) b.receive[i].receive!(ctx);
    for (let i = 0; i < b.propagate.length; i++) b.propagate[i].propagate!(ctx);
    for (let i = 0; i < b.plasticity.length; i++) b.plasticity[i].plasticity!(ctx);
    for (let i = 0; i < b.monitor.length; i++) b.monitor[i].monitor!(ctx);
    this.clock.step++;
  }

  run(steps: number): void {
    for (let n = 0; n < steps; n++) this.step();
  }

  snapshot(): NetworkSnapshot {
    const components: Record<string, ComponentSnapshot> = {};
    for (const c of this.components) if (c.snapshot) components[c.name] = c.snapshot();
    return { step: this.clock.step, rng: this.rng.getState(), components };
  }

  restore(s: NetworkSnapshot): void {
    this.clock.step = s.step;
    this.rng.setState(s.rng);
    for (const c of this.components) {
      if (!c.restore) continue;
      const cs = s.components[c.name];
      if (!cs) throw new Error(`snapshot has no state for ${c.name}`);
      c.restore(cs);
    }
  }
}
