/**
 * PoissonInput: external Poisson drive injected straight into a receptor of a neuron group,
 * like Brian2's PoissonInput. Each target neuron receives `count` independent Poisson trains
 * at `rate` Hz, each event adding `weight` mV to the chosen current; equivalently one train
 * at count·rate. These inputs are not synapses of the network (they are not counted).
 */
import type { Component, StepContext } from '../core/component';
import type { Receptor, StateArray, SynapticTarget } from '../neurons/receptors';
import { forEachPoissonHit } from './poissonSampling';

export class PoissonInput implements Component {
  private target: StateArray;
  private readonly hit = (i: number, k: number): void => {
    this.target[i] += k * this.weight;
  };

  /**
   * @param rate   rate of each train (Hz)
   * @param count  independent trains per neuron
   * @param weight jump per event (mV)
   */
  constructor(
    readonly name: string,
    readonly group: SynapticTarget,
    readonly receptor: Receptor,
    public rate: number,
    public count: number,
    public weight: number,
  ) {
    this.target = receptor === 'exc' ? group.ge : group.gi;
  }

  input(ctx: StepContext): void {
    if (this.weight === 0) return;
    forEachPoissonHit(ctx.rng, this.group.size, (this.rate * this.count * ctx.clock.dt) / 1000, this.hit);
  }

  snapshot(): Record<string, unknown> {
    return { rate: this.rate, count: this.count, weight: this.weight };
  }

  restore(s: Record<string, unknown>): void {
    this.rate = s.rate as number;
    this.count = s.count as number;
    this.weight = s.weight as number;
  }
}
