/**
 * balanced-ei — the CUBA benchmark network (Brette et al. 2007, benchmark 2; after Vogels &
 * Abbott 2005), exactly as in shared/BENCH_NETWORKS.md when run with its defaults:
 *   N LIF neurons, the first 80% excitatory; τm = 20 ms, E_L = −49 mV, θ = −50 mV, V_r = −60 mV,
 *   t_ref = 5 ms; exponential currents τe = 5 ms, τi = 10 ms; each ordered pair connected with
 *   p = 0.02; a spike adds we = 1.62 mV (E) or wi = −9 mV (I) at the next step; V(0) ~ U[V_r, θ).
 * E_L above threshold drives the network; an optional external Poisson drive (rate per neuron,
 * weight in mV onto ge) is off by default. Live parameters act at the next step.
 */
import { Network } from '../core/network';
import type { Rng } from '../core/rng';
import { PoissonInput } from '../inputs/poissonInput';
import { IsiMonitor } from '../monitors/isiMonitor';
import { LifGroup, type LifParams } from '../neurons/lif';
import { csrRandom } from '../synapses/csr';
import { SparseProjection } from '../synapses/sparseProjection';
import { assertLive, type ExperimentDef, type ExperimentRun, type ParamSpec, type ParamValues } from './types';
import { eiLayers } from './eiLayers';
import { roundMetric } from './roundMetric';

const DT = 0.1;
const EXC_FRACTION = 0.8;

const PARAMS: readonly ParamSpec[] = [
  { key: 'n_neurons', label: 'Neurons', unit: '', default: 1000, min: 100, max: 10000, step: 100, live: false, integer: true, help: 'Network size N; the first 80% are excitatory.' },
  { key: 'p_conn', label: 'Connection probability', unit: '', default: 0.02, min: 0.001, max: 0.2, step: 0.001, live: false, help: 'Each ordered pair (i, j) is connected independently with this probability.' },
  { key: 'v_th_mV', label: 'Threshold θ', unit: 'mV', default: -50, min: -60, max: -30, step: 0.5, live: true, help: 'A neuron spikes when V reaches θ.' },
  { key: 'v_reset_mV', label: 'Reset V_r', unit: 'mV', default: -60, min: -80, max: -45, step: 0.5, live: true, help: 'V is set to V_r after a spike and held there while refractory.' },
  { key: 'el_mV', label: 'Leak potential E_L', unit: 'mV', default: -49, min: -70, max: -40, step: 0.5, live: true, help: 'Resting potential; above θ it drives the network by itself.' },
  { key: 'tau_m_ms', label: 'Membrane τm', unit: 'ms', default: 20, min: 2, max: 100, step: 1, live: true, help: 'Membrane time constant.' },
  { key: 't_ref_ms', label: 'Refractory period', unit: 'ms', default: 5, min: 0, max: 20, step: 0.1, live: true, help: 'V is clamped at V_r for this long after each spike.' },
  { key: 'tau_e_ms', label: 'Excitatory τe', unit: 'ms', default: 5, min: 0.5, max: 50, step: 0.5, live: true, help: 'Decay time of the excitatory synaptic current.' },
  { key: 'tau_i_ms', label: 'Inhibitory τi', unit: 'ms', default: 10, min: 0.5, max: 50, step: 0.5, live: true, help: 'Decay time of the inhibitory synaptic current.' },
  { key: 'w_exc_mV', label: 'Excitatory weight we', unit: 'mV', default: 1.62, min: 0, max: 10, step: 0.01, live: true, help: 'Jump of ge per excitatory spike.' },
  { key: 'w_inh_mV', label: 'Inhibitory weight wi', unit: 'mV', default: -9, min: -40, max: 0, step: 0.1, live: true, help: 'Jump of gi per inhibitory spike.' },
  { key: 'drive_rate_hz', label: 'External drive rate', unit: 'Hz', default: 0, min: 0, max: 5000, step: 10, live: true, help: 'Rate of independent external Poisson events per neuron (0 = benchmark, no drive).' },
  {
    key: 'precision', label: 'Arithmetic', unit: '', default: 0, min: 0, max: 1, step: 1, live: false, integer: true,
    options: ['float32 (fast)', 'float64 (exact)'], legacy: { before: 3, value: 1 },
    help: 'float32: single-precision state, eight neurons per SIMD step, about twice as fast; float64: double precision, as every run before link format 3 (such links replay with it).',
  },
  { key: 'w_drive_mV', label: 'External drive weight', unit: 'mV', default: 1.62, min: 0, max: 10, step: 0.01, live: true, help: 'Jump of ge per external event.' },
];

function lifParamsFrom(p: ParamValues): LifParams {
  return {
    tau_m: p.tau_m_ms, el: p.el_mV, v_th: p.v_th_mV, v_reset: p.v_reset_mV,
    t_ref: p.t_ref_ms, tau_e: p.tau_e_ms, tau_i: p.tau_i_ms,
  };
}

/** Live parameter key → LIF field. */
const LIF_FIELD: Record<string, keyof LifParams> = {
  tau_m_ms: 'tau_m', el_mV: 'el', v_th_mV: 'v_th', v_reset_mV: 'v_reset', t_ref_ms: 't_ref', tau_e_ms: 'tau_e', tau_i_ms: 'tau_i',
};

function build(p: ParamValues, rng: Rng): ExperimentRun {
  const n = p.n_neurons;
  const nE = Math.round(EXC_FRACTION * n);
  const nI = n - nE;
  const net = new Network(DT, rng);
  const grp = net.addNeuronGroup(new LifGroup('neurons', n, lifParamsFrom(p), DT, p.precision === 0 ? 'float32' : 'float64'));
  const drive = net.add(new PoissonInput('drive', grp, 'exc', p.drive_rate_hz, 1, p.w_drive_mV));
  const ee = net.addProjection(new SparseProjection(
    { name: 'exc-syn', source: grp, sourceStart: 0, sourceCount: nE, target: grp, receptor: 'exc' },
    csrRandom(rng.fork('conn:exc-syn'), nE, n, p.p_conn, p.w_exc_mV)));
  const ii = net.addProjection(new SparseProjection(
    { name: 'inh-syn', source: grp, sourceStart: nE, sourceCount: nI, target: grp, receptor: 'inh' },
    csrRandom(rng.fork('conn:inh-syn'), nI, n, p.p_conn, p.w_inh_mV)));
  const vInit = rng.fork('init:v');
  for (let i = 0; i < n; i++) grp.v[i] = p.v_reset_mV + vInit.uniform() * (p.v_th_mV - p.v_reset_mV);

  const ei = eiLayers(net, grp, nE, nI, DT);
  const [rateE, rateI] = ei.rates;
  const isi = net.add(new IsiMonitor('isi', grp));

  return {
    network: net,
    ...ei,
    setParam(key, value) {
      assertLive('balanced-ei', PARAMS, key);
      if (key === 'w_exc_mV') ee.fillWeights(value);
      else if (key === 'w_inh_mV') ii.fillWeights(value);
      else if (key === 'drive_rate_hz') drive.rate = value;
      else if (key === 'w_drive_mV') drive.weight = value;
      else grp.setParams({ [LIF_FIELD[key]]: value });
    },
    metrics() {
      const e = rateE.meanRate();
      const i = rateI.meanRate();
      return {
        mean_rate_hz: round((e * nE + i * nI) / n),
        exc_rate_hz: round(e),
        inh_rate_hz: round(i),
        cv_isi: round(isi.meanCv()),
      };
    },
  };
}

const round = (x: number) => roundMetric(x, 4);

export const balancedEi: ExperimentDef = {
  id: 'balanced-ei',
  title: 'Balanced E/I network (CUBA)',
  summary:
    'The CUBA benchmark: 80% excitatory and 20% inhibitory LIF neurons, 2% random connectivity, ' +
    'exponential synaptic currents. The leak potential sits above threshold, so the network drives ' +
    'itself, and recurrent inhibition keeps it in an asynchronous irregular state.',
  differences: [
    "None in the defaults: the CUBA benchmark of Brette et al. 2007 as specified in BENCH_NETWORKS.md, integrated exactly (Rotter & Diesmann) at dt = 0.1 ms.",
    "The optional external Poisson drive is an addition (off by default).",
    "By default the neurons' state is float32 (Brian2 uses float64): spike times differ from the float64 run once rounding reaches a threshold crossing, while rates stay inside Brian2's seed-to-seed bands. 'Arithmetic: float64 (exact)' gives the double-precision run, which links made before link format 3 replay.",
  ],
  dt_ms: DT,
  mode: 'simulated',
  defaultSteps: 10000,
  primary: { controls: ['v_th_mV', 'w_inh_mV', 'drive_rate_hz'], plots: ['raster', 'rate-trace'] },
  params: PARAMS,
  build,
};
