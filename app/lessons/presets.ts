/**
 * The gallery's presets: an experiment, a parameter set and a seed. Each thumbnail
 * (public/thumbnails/<id>.png) is a real chart of that run, captured by scripts/build-thumbnails.ts
 * after `thumbnail.steps` steps.
 */
import type { Preset } from './types';

export const PRESETS: readonly Preset[] = [
  {
    id: 'cuba', title: 'Balanced E/I network', blurb: 'Asynchronous irregular spiking in the CUBA benchmark.',
    experiment: 'balanced-ei', seed: 1, params: {}, thumbnail: { plot: 'raster', steps: 5000 },
  },
  {
    id: 'triplet-50hz', title: 'Triplet STDP at 50 Hz', blurb: 'Post→pre pairs potentiate at high frequency (Sjöström 2001).',
    experiment: 'stdp-window', seed: 1, params: { rule: 2, a_plus: 0.0065, a_minus: 0.0071, tau_plus_ms: 16.8, tau_minus_ms: 33.7 }, thumbnail: { plot: 'frequency', steps: 0 },
  },
  {
    id: 'song-bimodal', title: 'Bimodal weights', blurb: 'Additive STDP splits 1,000 synapses towards 0 and g_max.',
    experiment: 'stdp-bimodal', seed: 1, params: {}, thumbnail: { plot: 'weights', steps: 300_000 },
  },
  {
    id: 'vogels', title: 'Inhibitory STDP balances', blurb: 'The excitatory rate settles at ρ0 = 3 Hz.',
    experiment: 'istdp-balance', seed: 1, params: {}, thumbnail: { plot: 'convergence', steps: 200_000 },
  },
  {
    id: 'bcm-slow', title: 'BCM with a slow threshold', blurb: 'τθ far above its critical value: the threshold lags and the unit falls silent.',
    experiment: 'hebb-compensation', seed: 1, params: { tau_theta_s: 50 }, thumbnail: { plot: 'activity', steps: 6000 },
  },
  {
    id: 'lpl-mnist', title: 'LPL on digit sequences', blurb: 'Receptive fields form from MNIST sequences.',
    experiment: 'lpl-sequences', seed: 1, params: {}, thumbnail: { plot: 'rf', steps: 3000 },
  },
  {
    id: 'lpl-gratings', title: 'LPL on drifting gratings', blurb: 'Oriented receptive fields from grating sequences.',
    experiment: 'lpl-sequences', seed: 1, params: { input: 1 }, thumbnail: { plot: 'rf', steps: 3000 },
  },
  {
    id: 'lpl-metaplasticity', title: 'Variance-dependent STDP', blurb: 'The LPL window moves with the postsynaptic variance.',
    experiment: 'lpl-stdp-window', seed: 1, params: {}, thumbnail: { plot: 'windows', steps: 0 },
  },
  {
    id: 'superspike-picture', title: 'SuperSpike draws a picture', blurb: 'Output spikes learn to draw the target raster (40 trials).',
    experiment: 'superspike-target', seed: 1, params: {}, thumbnail: { plot: 'actual', steps: 40_000 },
  },
  {
    id: 'folded-digits', title: 'Folded autoencoder on digits', blurb: 'Encode with W, decode with G: reconstructions after learning.',
    experiment: 'folded-autoencoder', seed: 1, params: {}, thumbnail: { plot: 'digits', steps: 8000 },
  },
  {
    id: 'fp-density', title: 'Noisy neurons vs Fokker–Planck', blurb: '10,000 white-noise LIF neurons: voltage histogram on the FP density.',
    experiment: 'fokker-planck', seed: 1, params: {}, thumbnail: { plot: 'density', steps: 5000 },
  },
  {
    id: 'eprop-branching', title: 'e-prop: rate and variance targets', blurb: 'A recurrent network holds r₀ and the global-rate variance; the MR estimator reads m̂.',
    experiment: 'eprop-criticality', seed: 1, params: {}, thumbnail: { plot: 'targets', steps: 60_000 },
  },
];
