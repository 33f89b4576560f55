/**
 * Human labels and units of every experiment's measurements (the keys of its `metrics()`), in one
 * place: the measurements card, lesson links and the tests read them from here. A key missing
 * here still shows, with a label made from the key; metricSpecs.test.ts lists such keys.
 * Arrays and objects name how to summarise them in one line (`series`, `summary`).
 */
import type { MetricValue } from '../../workers/simApi';

/** How an array of records is drawn as a sparkline and summarised: x and y field names and their units. */
export interface SeriesSpec {
  x?: string;
  y: string;
  xUnit?: string;
  /** What one entry is ("trial", "point"), for "6 trials". */
  item?: string;
}

export interface MetricSpec {
  label: string;
  unit?: string;
  /** Arrays of numbers or records: the sparkline and its one-line summary. */
  series?: SeriesSpec;
  /** Anything else structured: a one-line summary. */
  summary?(v: MetricValue): string;
}

type Table = Record<string, MetricSpec>;

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(3)).toLocaleString('en', { maximumFractionDigits: 6 }) : '—');
const signed = (v: unknown) => (typeof v === 'number' && v > 0 ? `+${num(v)}` : num(v));
const rec = (v: MetricValue): Record<string, MetricValue>[] => (Array.isArray(v) ? (v.filter((e) => e && typeof e === 'object' && !Array.isArray(e)) as Record<string, MetricValue>[]) : []);

/** "5 frequencies; at 50 Hz: +10 ms → +0.763, −10 ms → +0.749". */
function frequencySummary(v: MetricValue): string {
  const r = rec(v);
  const last = r[r.length - 1];
  return last ? `${r.length} frequencies; at ${num(last.hz)} Hz: Δt = +10 ms → ${signed(last.dw_plus10)}, −10 ms → ${signed(last.dw_minus10)}` : 'none yet';
}

const COMMON: Table = {
  mean_rate_hz: { label: 'mean firing rate', unit: 'Hz' },
  exc_rate_hz: { label: 'excitatory rate', unit: 'Hz' },
  inh_rate_hz: { label: 'inhibitory rate', unit: 'Hz' },
  cv_isi: { label: 'CV of inter-spike intervals' },
  rule: { label: 'learning rule' },
};

const BY_EXPERIMENT: Record<string, Table> = {
  'balanced-ei': {},
  'stdp-window': {
    window: { label: 'STDP window', series: { x: 'dt_ms', y: 'dw', xUnit: 'ms', item: 'point' } },
    frequency: { label: 'frequency dependence (Δw, fraction)', summary: frequencySummary },
  },
  'stdp-bimodal': {
    weight_histogram: {
      label: 'weight histogram (w / g_max)',
      summary: (v) => {
        const o = v as { counts?: number[] };
        const c = Array.isArray(o?.counts) ? o.counts : [];
        return c.length ? `${c.length} bins; ${c[0]} synapses in the lowest, ${c[c.length - 1]} in the highest` : 'none yet';
      },
    },
    bimodality: { label: 'bimodality index' },
    output_rate_hz: { label: 'output rate (last 10 s)', unit: 'Hz' },
    mean_weight_ratio: { label: 'mean weight / g_max' },
  },
  'istdp-balance': {
    exc_rate_hz: { label: 'excitatory rate (last 5 s)', unit: 'Hz' },
    target_rate_hz: { label: 'target rate ρ0', unit: 'Hz' },
    ei_current_ratio: { label: 'inhibitory / excitatory current |I_inh| / I_exc' },
    mean_w_ie_ns: { label: 'mean inhibitory weight (I→E)', unit: 'nS' },
  },
  'hebb-compensation': {
    max_weight: { label: 'largest weight |w|' },
    stable: { label: 'weights stay bounded' },
    critical_tau_theta_s: { label: 'critical threshold time constant τθ*', unit: 's' },
    output: { label: 'output y' },
    threshold_trace: { label: 'threshold θ over time', series: { x: 't_s', y: 'theta', xUnit: 's', item: 'sample' } },
  },
  'lpl-sequences': {
    frames: { label: 'training frames' },
    output_variance: { label: 'output variance (held-out)' },
    output_variance_initial: { label: 'output variance at the start' },
    invariance: { label: 'invariance (within − between sequences)' },
    invariance_initial: { label: 'invariance at the start' },
    unit_correlation: { label: 'mean |correlation| between units' },
    readout_accuracy: { label: 'linear readout accuracy' },
    readout_chance: { label: 'readout chance level' },
    readout_accuracy_initial: { label: 'linear readout accuracy of the untrained layer' },
    receptive_field_contrast: { label: 'receptive-field contrast' },
  },
  'lpl-spiking': {
    readout_r2_signals: { label: 'slow signals decoded from the E neurons (ridge R², held out)' },
    readout_r2_controls: { label: 'shuffled controls decoded (ridge R², held out)' },
    exc_rate_hz: { label: 'excitatory rate (last 10 s)', unit: 'Hz' },
    output_variance: { label: 'response variance of the E neurons' },
    invariance: { label: 'invariance (within − between)' },
    readout_accuracy: { label: 'linear readout accuracy' },
    receptive_field_contrast: { label: 'receptive-field contrast' },
    group_weights: { label: 'mean input weight per group', summary: (v) => rec(v).map((g) => `${g.group}: ${num(g.mean_w)}`).join(' · ') || 'none yet' },
    selectivity_mean_abs: { label: 'mean |selectivity| of the E neurons' },
    signal_minus_control: { label: 'mean weight, signal − control' },
  },
  'lpl-stdp-window': {
    windows: {
      label: 'STDP windows (ΔW, fraction of w0)',
      summary: (v) =>
        rec(v)
          .map((w) => {
            const pts = rec(w.points as MetricValue);
            let best = pts[0];
            for (const p of pts) if (Math.abs(Number(p.dw)) > Math.abs(Number(best?.dw))) best = p;
            return `σ² = ${Number(w.sigma2).toExponential(0)}: peak ${signed(best?.dw)} at ${signed(best?.dt_ms)} ms`;
          })
          .join(' · ') || 'none yet',
    },
    frequency: { label: 'frequency dependence at ±10 ms (ΔW)', summary: frequencySummary },
  },
  'superspike-target': {
    trials: { label: 'trials completed' },
    target_spikes: { label: 'spikes in the target' },
    van_rossum_initial: { label: 'van Rossum loss, first trial', unit: '1/s' },
    van_rossum_final: { label: 'van Rossum loss, mean of the last 5 trials', unit: '1/s' },
    loss_trace: { label: 'van Rossum loss per trial', unit: '1/s', series: { y: '', item: 'trial' } },
    feedback: { label: 'hidden-layer feedback' },
  },
  'eprop-pattern': {
    trials: { label: 'trials completed' },
    mse_initial: { label: 'normalised MSE, first trial' },
    mse_final: { label: 'normalised MSE, mean of the last 5 trials' },
    mse_trace: { label: 'normalised MSE per trial', series: { y: '', item: 'trial' } },
  },
  'eprop-criticality': {
    mean_rate_hz: { label: 'global rate r_b, mean', unit: 'Hz' },
    target_rate_hz: { label: 'target rate r₀', unit: 'Hz' },
    rate_variance: { label: 'variance of r_b', unit: 'Hz²' },
    target_variance: { label: 'target variance s*', unit: 'Hz²' },
    poisson_variance: { label: 'variance if the neurons were Poisson', unit: 'Hz²' },
    branching: { label: 'branching ratio m̂ (MR estimator, per bin)' },
    branching_r1: { label: 'lag-1 regression slope' },
    branching_naive: { label: 'naive branching ratio' },
    avalanches: { label: 'avalanches counted' },
    analysed_s: { label: 'time analysed', unit: 's' },
    variance_poisson_floor: { label: 'variance part: Poisson floor r/(N·bin)', unit: 'Hz²' },
    variance_across_bins: { label: 'variance part: across bins r₁²·Var (seen by m̂)', unit: 'Hz²' },
    variance_within_bin: { label: 'variance part: within a bin (synchrony, unseen by m̂)', unit: 'Hz²' },
    fano_factor: { label: 'Var/mean of the binned spike count (Fano factor)' },
    branching_line_fano: { label: 'Fano factor of a driven branching process at m̂: 1/(1 − m̂²)' },
  },
  'folded-autoencoder': {
    samples: { label: 'digits learned' },
    lambda: { label: 'gate λ' },
    flow: { label: 'information flow' },
    energy_trace: { label: 'energy over the last digit’s inference steps', series: { y: '', item: 'step' } },
    energy_now: { label: 'energy E now' },
    energy_increases: { label: 'inference steps where E rose' },
    stability_bound: { label: 'largest stable inference step 2/L' },
    reconstruction_error_initial: { label: 'held-out reconstruction error at the start (MSE)' },
    reconstruction_error_final: { label: 'held-out reconstruction error now (MSE)' },
    reconstruction_error_mean_digit: { label: 'error of the mean digit, the baseline (MSE)' },
  },
  'fokker-planck': {
    rate_mc_hz: { label: 'rate, Monte Carlo', unit: 'Hz' },
    rate_mc_se_hz: { label: 'standard error of that rate', unit: 'Hz' },
    rate_theory_hz: { label: 'rate, Siegert formula', unit: 'Hz' },
    rate_fp_hz: { label: 'rate, Fokker–Planck flux', unit: 'Hz' },
    density_l1: { label: 'L1 distance of the densities (MC vs FP)' },
    cv_isi: { label: 'CV of inter-spike intervals, measured' },
    cv_theory: { label: 'CV of inter-spike intervals, theory' },
    fp_mass_error: { label: 'Fokker–Planck probability-mass error' },
    measured_s: { label: 'time measured', unit: 's' },
    density_peak_mc: { label: 'density peak, Monte Carlo', unit: '1/mV' },
    density_peak_fp: { label: 'density peak, Fokker–Planck', unit: '1/mV' },
  },
  'fi-curve': {
    measured_s: { label: 'time measured', unit: 's' },
    max_rel_error: { label: 'largest relative error against theory' },
    max_z: { label: 'largest deviation, in standard errors' },
    points: { label: 'points on the curves' },
    neurons: { label: 'neurons simulated' },
  },
  'coupled-correlations': {
    corr_measured: { label: 'integrated cross-covariance, coupled − control', unit: 'Hz' },
    corr_se: { label: 'its standard error', unit: 'Hz' },
    corr_predicted: { label: 'linear-response prediction', unit: 'Hz' },
    corr_raw: { label: 'integrated cross-covariance, coupled pairs', unit: 'Hz' },
    corr_control: { label: 'integrated cross-covariance, control pairs', unit: 'Hz' },
    k0: { label: 'linear-response factor K₀' },
    rate_pre_hz: { label: 'rate of j (presynaptic)', unit: 'Hz' },
    rate_post_hz: { label: 'rate of k (postsynaptic)', unit: 'Hz' },
    rate_control_hz: { label: 'rate of the control k′', unit: 'Hz' },
    pair_seconds: { label: 'pair-seconds recorded', unit: 's' },
  },
};

const UNIT_SUFFIXES: [RegExp, string][] = [
  [/_hz2$/, 'Hz²'],
  [/_hz$/, 'Hz'],
  [/_ms$/, 'ms'],
  [/_mv$/i, 'mV'],
  [/_ns$/, 'nS'],
  [/_s$/, 's'],
];

/** A label made from the key when the table has none ("exc_rate_hz" → "exc rate", "Hz"). */
function fromKey(key: string): MetricSpec {
  for (const [re, unit] of UNIT_SUFFIXES) if (re.test(key)) return { label: key.replace(re, '').replace(/_/g, ' '), unit };
  return { label: key.replace(/_/g, ' ') };
}

/** Whether the table names this measurement explicitly. */
export function hasMetricSpec(experiment: string, key: string): boolean {
  return !!(BY_EXPERIMENT[experiment]?.[key] ?? COMMON[key]);
}

export function metricSpec(experiment: string, key: string): MetricSpec {
  return BY_EXPERIMENT[experiment]?.[key] ?? COMMON[key] ?? fromKey(key);
}

/** The label of a key in any experiment (lesson links name measurements without their experiment). */
export function metricLabel(key: string, experiment?: string): { label: string; unit: string } {
  const spec = (experiment && BY_EXPERIMENT[experiment]?.[key]) || COMMON[key] || Object.values(BY_EXPERIMENT).find((t) => t[key])?.[key] || fromKey(key);
  return { label: spec.label, unit: spec.unit ?? '' };
}
