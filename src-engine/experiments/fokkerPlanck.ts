/**
 * fokker-planck — Monte Carlo against Fokker–Planck for uncoupled white-noise integrate-and-fire
 * neurons (source 004; SCIENCE.md §1). N neurons (default 10,000) obey
 *   τ dV/dt = −V + ψ(V) + μ + σ√τ ξ_i(t)  (ψ = 0: LIF; ψ = Δ_T e^{(V−V_T)/Δ_T}: EIF; mV from rest)
 * with threshold (LIF) or cutoff (EIF) θ, reset V_r and refractory τ_ref; the LIF is bridge-
 * corrected for crossings between steps (stochastic/whiteNoiseIf.ts). Next to them, the time-
 * dependent Fokker–Planck density is stepped with the same dt. The run starts in the stationary
 * state; after a live change both relax, and the measurements restart once 10·τ_m have passed.
 * Plots: the histogram of V with the FP density (and the stationary one), the population rate
 * against the FP rate and the Siegert rate, and the pooled ISI distribution.
 */
import { Network } from '../core/network';
import type { Rng } from '../core/rng';
import { PopulationRateMonitor } from '../monitors/rateMonitor';
import { DensityComparison } from '../stochastic/densityComparison';
import { fpGrid, fpStationary, type FpParams } from '../stochastic/fokkerPlanck';
import { FokkerPlanckDensity } from '../stochastic/fokkerPlanckDensity';
import { siegertCv, siegertRate } from '../stochastic/siegert';
import { IsiStatistics } from '../stochastic/spikeStats';
import { sampleStationaryState } from '../stochastic/stationarySample';
import { WhiteNoiseIfGroup, type Precision } from '../stochastic/whiteNoiseIf';
import type { StreamLayout } from '../wasm/whiteNoiseLif32Kernel';
import { roundMetric } from './roundMetric';
import { assertLive, type ExperimentDef, type ExperimentRun, type ParamSpec, type ParamValues, type PlotSpec } from './types';

const DT = 0.1;
const BINS = 60;
const FP_CELLS = 400;

export const NOISE_PARAMS: readonly ParamSpec[] = [
  { key: 'mu_mV', label: 'Mean input μ', unit: 'mV', default: 15, min: -10, max: 40, step: 0.5, live: true, help: 'Mean drive, as the voltage it would hold without threshold and noise (from rest).' },
  { key: 'sigma_mV', label: 'Noise σ', unit: 'mV', default: 5, min: 0.5, max: 15, step: 0.1, live: true, help: 'White-noise amplitude (Brunel convention: free-membrane standard deviation σ/√2).' },
  { key: 'tau_m_ms', label: 'Membrane τm', unit: 'ms', default: 20, min: 2, max: 100, step: 1, live: true, help: 'Membrane time constant.' },
  { key: 'v_th_mV', label: 'Threshold θ', unit: 'mV', default: 20, min: 5, max: 50, step: 0.5, live: true, help: 'LIF threshold; for the EIF the spike cutoff V_cut (mV from rest).' },
  { key: 'v_reset_mV', label: 'Reset V_r', unit: 'mV', default: 10, min: -10, max: 30, step: 0.5, live: true, help: 'Voltage after a spike (kept at least 0.5 mV below θ).' },
  { key: 't_ref_ms', label: 'Refractory period', unit: 'ms', default: 2, min: 0, max: 10, step: 0.1, live: true, help: 'V is held at V_r for this long after each spike.' },
];

export const EIF_PARAMS: readonly ParamSpec[] = [
  { key: 'model', label: 'Neuron model', unit: '', default: 0, min: 0, max: 1, step: 1, live: true, integer: true, options: ['LIF', 'EIF'], help: 'Leaky or exponential integrate-and-fire.' },
  { key: 'delta_t_mV', label: 'EIF slope Δ_T', unit: 'mV', default: 2, min: 0.2, max: 10, step: 0.1, live: true, help: 'Sharpness of the EIF spike initiation.' },
  { key: 'v_t_mV', label: 'EIF soft threshold V_T', unit: 'mV', default: 15, min: 0, max: 40, step: 0.5, live: true, help: 'Where the exponential term takes over (mV from rest).' },
];

/** The white-noise group's arithmetic path (stochastic/whiteNoiseIf.ts); links before format 3 ran float64. */
export const PRECISION_PARAM: ParamSpec = {
  key: 'precision', label: 'Arithmetic', unit: '', options: ['float32 (fast)', 'float64 (exact)'], default: 0, min: 0, max: 1, step: 1, integer: true, live: false,
  legacy: { before: 3, value: 1 },
  help: 'float32: SIMD kernel, float32 state and its own random stream per SIMD lane (about 2–3× faster). float64: the exact path, which replays older links spike for spike.',
};

/** The float32 path's random streams (wasm/whiteNoiseLif32Kernel.ts); links before format 4 ran 'lanes'. */
export const STREAMS_PARAM: ParamSpec = {
  key: 'noise_streams', label: 'Random streams (float32)', unit: '', options: ['own streams for the normals', 'shared with bridge draws (format 3)'], default: 0, min: 0, max: 1, step: 1, integer: true, live: false,
  legacy: { before: 4, value: 1 },
  help: "float32 only. Own streams: each block of neurons has streams of its own for its normal deviates and its bridge draws, so a second thread computes the next steps' normals and part of each step's update (the same run with one thread or two). Shared: the bridge-crossing draws continue the normals' streams, as links of format 3 ran; nothing is computed ahead.",
};

/** The group's precision from the experiment's values. */
export function precisionOf(p: ParamValues): Precision {
  return p.precision === 1 ? 'float64' : 'float32';
}

/** The float32 group's stream layout from the experiment's values. */
export function streamsOf(p: ParamValues): StreamLayout {
  return p.noise_streams === 1 ? 'lanes' : 'ring';
}

/** The "Differences from the paper" line of the experiments with the precision parameter. */
export const PRECISION_DIFFERENCE =
  "Arithmetic: by default (precision float32) the neurons run in float32 state with random streams of their own (one per SIMD lane, seeded from the group's stream: for the normals, four per block of at most a sixteenth of the neurons, which a second thread computes a few steps ahead, and part of each step, where memory can be shared and (in the app) it is measured to pay, with the same result; four more for the bridge-crossing draws), Box–Muller normals in float32 (cut at 6.66σ, a mass below 3·10⁻¹¹) and bridge crossings with P < 2⁻²⁴ not drawn; 'float64 (exact)' runs the float64 path, which replays links made before this option spike for spike. Links of format 3 open with 'Random streams: shared with bridge draws', the float32 streams they were made with.";

const PARAMS: readonly ParamSpec[] = [
  ...NOISE_PARAMS,
  ...EIF_PARAMS,
  PRECISION_PARAM,
  STREAMS_PARAM,
  { key: 'n_neurons', label: 'Neurons', unit: '', default: 10000, min: 100, max: 20000, step: 100, live: false, integer: true, help: 'Uncoupled Monte-Carlo neurons.' },
];

/** Model parameters from the experiment's values (V_r kept below θ). */
export function fpParamsFrom(p: ParamValues): FpParams {
  return {
    model: p.model === 1 ? 'eif' : 'lif', mu: p.mu_mV, sigma: p.sigma_mV, tau_m: p.tau_m_ms, v_th: p.v_th_mV,
    v_reset: Math.min(p.v_reset_mV, p.v_th_mV - 0.5), t_ref: p.t_ref_ms, delta_t: p.delta_t_mV, v_t: p.v_t_mV,
  };
}

interface Theory {
  rate: number;
  rateFp: number;
  cv: number;
  x: number[];
  density: number[];
}

function theoryOf(fp: FpParams): Theory {
  const st = fpStationary(fp, fpGrid(fp, FP_CELLS));
  const g = fpGrid(fp, FP_CELLS);
  const lif = fp.model === 'lif';
  return {
    rate: lif ? siegertRate(fp) : st.rate,
    rateFp: st.rate,
    cv: lif ? siegertCv(fp) : NaN,
    x: Array.from({ length: g.cells }, (_, i) => g.vLow + (i + 0.5) * g.h),
    density: Array.from(st.density),
  };
}

/** Plotted voltage range: from 3 free-membrane standard deviations below to θ. */
function plotRange(fp: FpParams): [number, number] {
  return [Math.min(fp.v_reset, fp.mu) - 3 * (fp.sigma / Math.SQRT2) - 1, fp.v_th];
}

function build(initial: ParamValues, rng: Rng): ExperimentRun {
  const values: ParamValues = { ...initial };
  let fp = fpParamsFrom(values);
  const n = values.n_neurons;
  const net = new Network(DT, rng);
  const grp = net.addNeuronGroup(new WhiteNoiseIfGroup('neurons', n, { model: fp.model, tau_m: fp.tau_m, v_th: fp.v_th, v_reset: fp.v_reset, t_ref: fp.t_ref, delta_t: fp.delta_t, v_t: fp.v_t }, DT, precisionOf(values), streamsOf(values)));
  grp.setDrive(fp.mu, fp.sigma);
  const density = net.add(new FokkerPlanckDensity('fokker-planck', fp, DT, FP_CELLS));
  sampleStationaryState(grp, density.grid, density.p, rng.fork('init:v'));
  const rate = net.add(new PopulationRateMonitor('rate', grp, 0, n, 10, DT));
  const isi = net.add(new IsiStatistics('isi', grp, DT, 2, 400));
  const cmp = net.add(new DensityComparison(grp, density, BINS, 10, 50));
  let theory = theoryOf(fp);
  cmp.restart(...plotRange(fp), 0);

  const apply = () => {
    fp = fpParamsFrom(values);
    grp.setParams({ model: fp.model, tau_m: fp.tau_m, v_th: fp.v_th, v_reset: fp.v_reset, t_ref: fp.t_ref, delta_t: fp.delta_t, v_t: fp.v_t });
    grp.setDrive(fp.mu, fp.sigma);
    density.setParams(fp);
    theory = theoryOf(fp);
    const settle = net.clock.step + Math.round((10 * fp.tau_m) / DT);
    cmp.restart(...plotRange(fp), settle);
    isi.reset(settle);
  };

  return {
    network: net,
    layers: [{ label: 'neurons', start: 0, count: n, role: 'exc' }],
    rates: [rate],
    setParam(key, value) {
      assertLive('fokker-planck', PARAMS, key);
      values[key] = value;
      apply();
    },
    metrics() {
      const r = cmp.rate(net.clock.step);
      return {
        rate_mc_hz: round(r.rate),
        rate_mc_se_hz: round(r.se),
        rate_theory_hz: round(theory.rate),
        rate_fp_hz: round(theory.rateFp),
        density_l1: round(cmp.l1()),
        cv_isi: round(isi.cv()),
        cv_theory: round(theory.cv),
        fp_mass_error: roundMetric(Math.abs(density.mass() - 1), 12),
        measured_s: round(r.seconds),
        density_peak_mc: round(Math.max(...cmp.mc.subarray(0, BINS)) / ((cmp.hi - cmp.lo) / BINS)),
        density_peak_fp: round(Math.max(...theory.density)),
      };
    },
    plots(): PlotSpec[] {
      cmp.sampleNow();
      const w = (cmp.hi - cmp.lo) / BINS;
      const edges = Array.from({ length: BINS }, (_, b) => cmp.lo + b * w);
      const g = density.grid;
      const fpX: number[] = [], fpY: number[] = [];
      for (let i = 0; i < g.cells; i += 2) {
        fpX.push(g.vLow + (i + 1) * g.h);
        fpY.push((density.p[i] + density.p[Math.min(i + 1, g.cells - 1)]) / 2);
      }
      const k0 = Math.max(0, cmp.rateBins - 400);
      const tx: number[] = [], mc: number[] = [], fpr: number[] = [];
      for (let k = k0; k < cmp.rateBins; k++) {
        tx.push(((k + 1) * 50 * DT) / 1000);
        mc.push(cmp.rateMc[k % cmp.rateMc.length]);
        fpr.push(cmp.rateFp[k % cmp.rateFp.length]);
      }
      const isiTotal = Math.max(1, isi.count);
      return [
        {
          id: 'density', title: 'Membrane-potential density: Monte Carlo and Fokker–Planck', xLabel: 'V (mV from rest)', yLabel: 'P(V) (1/mV)', legend: 'top-left',
          xDomain: [cmp.lo, cmp.hi],
          series: [
            { label: `histogram of ${n} neurons`, x: edges, y: Array.from(cmp.mc.subarray(0, BINS), (m) => m / w), style: 'bars', color: 'exc' },
            { label: 'Fokker–Planck P(V, t)', x: fpX, y: fpY, style: 'line', color: 'model' },
            { label: 'stationary P₀(V)', x: theory.x, y: theory.density, style: 'dashed', color: 'muted' },
          ],
        },
        {
          id: 'rate', title: 'Population rate against theory', xLabel: 't (s)', yLabel: 'rate (Hz)', legend: 'top-left',
          series: [
            { label: 'Monte Carlo (5-ms bins)', x: tx, y: mc, style: 'line', color: 'exc' },
            { label: 'Fokker–Planck flux at θ', x: tx, y: fpr, style: 'line', color: 'model' },
            { label: fp.model === 'lif' ? 'Siegert rate' : 'stationary FP rate', x: tx.length ? [tx[0], tx[tx.length - 1]] : [], y: tx.length ? [theory.rate, theory.rate] : [], style: 'dashed', color: 'muted' },
          ],
        },
        {
          id: 'isi', title: `ISI distribution (CV ${Number.isFinite(isi.cv()) ? isi.cv().toFixed(3) : '–'})`, xLabel: 'ISI (ms)', yLabel: 'density (1/ms)', legend: 'top-right',
          series: [{ label: 'pooled ISIs since settling', x: Array.from(isi.hist, (_, b) => b * isi.binMs), y: Array.from(isi.hist, (c) => c / isiTotal / isi.binMs), style: 'bars', color: 'data' }],
        },
      ];
    },
  };
}

const round = (x: number) => roundMetric(x, 4);

export const fokkerPlanckExperiment: ExperimentDef = {
  id: 'fokker-planck',
  title: 'Noisy integrate-and-fire: Monte Carlo vs Fokker–Planck',
  summary:
    'Ten thousand uncoupled LIF (or EIF) neurons driven by white noise. The histogram of their membrane ' +
    'potentials follows the Fokker–Planck density, stepped alongside them, and their rate matches the ' +
    'Siegert formula; change μ or σ and watch both relax to the new stationary state.',
  differences: [
    "None beyond the numerics: exact Ornstein–Uhlenbeck steps with a Brownian-bridge threshold correction (LIF) or Euler–Maruyama (EIF); the Fokker–Planck density is stepped on a 400-cell grid.",
    PRECISION_DIFFERENCE,
  ],
  dt_ms: DT,
  mode: 'simulated',
  defaultSteps: 10000,
  primary: { controls: ['mu_mV', 'sigma_mV'], plots: ['density', 'rate'] },
  params: PARAMS,
  build,
};
