/**
 * The benchmark networks (shared/BENCH_NETWORKS.md, plus fp-10k from issue 14), each as the run
 * configuration the app, the CLI and the tests would use, and the simulated time.
 */
import { defaultRunConfig, type RunConfig } from '../src-engine/config/runConfig';

export interface BenchNet {
  name: string;
  config: () => RunConfig;
  sim_ms: number;
}

/** cuba-Nk: balanced-ei with its defaults (the CUBA benchmark) and N neurons, 1 s. */
const cuba = (n: number): BenchNet => ({
  name: `cuba-${n / 1000}k`,
  sim_ms: 1000,
  config: () => {
    const c = defaultRunConfig('balanced-ei', 1);
    c.params.n_neurons = n;
    return c;
  },
});

/** stdp-song-100: stdp-bimodal with 100 output neurons (100,000 plastic synapses), 10 s. */
const song100: BenchNet = {
  name: 'stdp-song-100',
  sim_ms: 10_000,
  config: () => {
    const c = defaultRunConfig('stdp-bimodal', 1);
    c.params.n_outputs = 100;
    return c;
  },
};

/**
 * fp-10k: fokker-planck with its defaults — 10,000 uncoupled white-noise LIF neurons with the
 * bridge-corrected threshold, the Fokker–Planck density stepped alongside — 1 s.
 */
const fp10k: BenchNet = {
  name: 'fp-10k',
  sim_ms: 1000,
  config: () => {
    const c = defaultRunConfig('fokker-planck', 1);
    c.params.n_neurons = 10_000;
    return c;
  },
};

export const NETWORKS: BenchNet[] = [cuba(1000), cuba(4000), cuba(10000), song100, fp10k];
