/**
 * Independent random streams: every component draws from rng.fork('step:' + its name), every
 * build-time draw from its own fork, so what one consumer draws never moves another's numbers.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { findExperiment } from '../experiments/registry';
import { defaultParams } from '../experiments/types';
import { PoissonGroup } from '../inputs/poissonGroup';
import { SpikeMonitor } from '../monitors/spikeMonitor';
import { IsiMonitor } from '../monitors/isiMonitor';
import type { Network } from './network';

const draw = (r: Rng, n = 64) => Array.from({ length: n }, () => r.nextU32());

describe('Rng.fork (the stream splitter)', () => {
  it('depends only on (seed, path): not on what the parent or a sibling drew', () => {
    const a = new Rng(7), b = new Rng(7);
    draw(a, 1000);
    b.fork('other').nextU32();
    expect(draw(a.fork('drive'))).toEqual(draw(b.fork('drive')));
    expect(draw(a.fork('x').fork('y'))).toEqual(draw(new Rng(7, 'x/y')));
  });

  it('gives different streams for different names and seeds, none equal to the root', () => {
    const streams = [new Rng(7), new Rng(7).fork('a'), new Rng(7).fork('b'), new Rng(8).fork('a'), new Rng(7).fork('ab'), new Rng(7).fork('a').fork('b')];
    const firsts = streams.map((r) => draw(r, 4).join(','));
    expect(new Set(firsts).size).toBe(streams.length);
  });

  it('forked streams are uncorrelated (|r| < 4/√n between neighbours in name)', () => {
    const n = 20_000;
    const x = new Rng(1).fork('neurons-1'), y = new Rng(1).fork('neurons-2');
    let sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) {
      const u = x.uniform() - 0.5, v = y.uniform() - 0.5;
      sx += u; sy += v; sxy += u * v; sxx += u * u; syy += v * v;
    }
    const r = (sxy / n - (sx / n) * (sy / n)) / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
  });
});

/** Spike trains (step, id) of balanced-ei's neurons over `steps`, optionally with extra components. */
function balancedEiSpikes(extra: (net: Network) => void, steps = 3000): Int32Array {
  const def = findExperiment('balanced-ei')!;
  const run = def.build({ ...defaultParams(def), n_neurons: 400 }, new Rng(11));
  extra(run.network);
  const mon = run.network.add(new SpikeMonitor(run.network));
  run.network.run(steps);
  const { steps: st, ids } = mon.read(0);
  const out = new Int32Array(2 * st.length);
  for (let k = 0; k < st.length; k++) { out[2 * k] = st[k]; out[2 * k + 1] = ids[k]; }
  return out;
}

describe('balanced-ei with an unrelated Poisson group or monitor added', () => {
  it('keeps every original neuron’s spike train identical', () => {
    const ref = balancedEiSpikes(() => {});
    expect(ref.length / 2).toBeGreaterThan(1000);
    let extraEvents = 0;
    const withGroup = balancedEiSpikes((net) => {
      const g = net.add(new PoissonGroup('unrelated-input', 500, 200));
      net.add({ name: 'count-unrelated', monitor: () => { extraEvents += g.spikeCount; } });
    });
    expect(extraEvents).toBeGreaterThan(20_000); // it really drew random numbers every step
    expect(withGroup).toEqual(ref);
    const withMonitor = balancedEiSpikes((net) => { net.add(new IsiMonitor('extra-isi', net.neuronGroups[0])); });
    expect(withMonitor).toEqual(ref);
  });
});
