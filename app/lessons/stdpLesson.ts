/** Lesson: spike-timing-dependent plasticity, competition, and what keeps Hebbian learning stable. SCIENCE.md §2, §6. */
import type { Lesson } from './types';

export const stdpLesson: Lesson = {
  id: 'stdp',
  title: 'STDP and compensation',
  blurb: 'Pair and triplet STDP, competition between synapses, and why Hebbian learning needs a fast sliding threshold.',
  experiment: 'stdp-window',
  intro: [
    { p: 'A synapse strengthens when the presynaptic spike comes a few milliseconds before the postsynaptic one and weakens in the opposite order. With traces $x$ (pre) and $y$ (post) the pair rule changes $w$ at every spike; for one pair separated by $\\Delta t = t_\\text{post} - t_\\text{pre}$:' },
    { eq: '\\Delta w = \\begin{cases} A_+\\, e^{-\\Delta t/\\tau_+} & \\Delta t > 0 \\\\ -A_-\\, e^{\\Delta t/\\tau_-} & \\Delta t < 0 \\end{cases}' },
    { p: 'The {plot:window} shows this window; {param:a_plus} and {param:a_minus} set its two lobes, {param:tau_plus_ms} and {param:tau_minus_ms} their widths. The triplet rule (Pfister & Gerstner 2006) adds a slow postsynaptic trace $o_2$ ({param:tau_y_ms}): potentiation needs a recent postsynaptic spike as well, so it depends on the firing rate.' },
    { eq: '\\begin{aligned} \\text{post spike: } & w \\leftarrow w + r_1\\,(A_2^+ + A_3^+\\, o_2) \\\\ \\text{pre spike: } & w \\leftarrow w - o_1\\,(A_2^- + A_3^-\\, r_2) \\end{aligned}' },
    { p: 'For Poisson firing the minimal triplet rule is a BCM rule: the mean drift $\\langle \\dot w\\rangle = \\rho_x\\rho_y(-A_2^-\\tau_- + A_3^+\\tau_+\\tau_y\\rho_y)$ changes sign at $\\theta_y = A_2^-\\tau_-/(A_3^+\\tau_+\\tau_y) \\approx 19$ Hz.' },
  ],
  steps: [
    {
      label: 'Make potentiation stronger: A+ = 0.02',
      set: { a_plus: 0.02 },
      lookFor: 'The causal lobe ($\\Delta t > 0$) of the {plot:window} grows fourfold; at $\\Delta t \\to 0^+$ it equals $A_+$.',
      expect: { plot: 'window', change: 'rise' },
    },
    {
      label: 'Switch to the minimal triplet rule (published parameters)',
      set: { rule: 2, a_plus: 0.0065, a_minus: 0.0071, tau_plus_ms: 16.8, tau_minus_ms: 33.7 },
      lookFor: 'With a single pairing only the depression lobe is left: the minimal triplet rule has $A_2^+ = 0$, so potentiation needs a second postsynaptic spike within $\\tau_y$.',
      expect: { plot: 'window', change: 'fall' },
    },
    {
      label: 'Pair 60 times at 50 Hz',
      set: { n_pairings: 60, freq_hz: 50 },
      lookFor: 'Both sides of the {plot:window} now potentiate: at high frequency post→pre pairs strengthen the synapse too, as Sjöström et al. (2001) measured (dots in the {plot:frequency} plot).',
      expect: { plot: 'window', change: 'rise' },
    },
    {
      label: 'Same 60 pairings at 1 Hz',
      set: { freq_hz: 1 },
      lookFor: 'At low frequency only post→pre pairs are expressed, as depression (≈ −0.32 at −10 ms); pre→post pairs barely change the weight.',
      expect: { plot: 'window', change: 'fall' },
    },
    {
      label: 'Competition: 1,000 inputs onto one neuron (Song et al. 2000)',
      experiment: 'stdp-bimodal',
      set: {},
      speed: Infinity,
      lookFor: 'Additive STDP with slightly dominant depression ($A_-/A_+ = 1.05$) makes the synapses compete: the {plot:weights} histogram splits towards 0 and $g_{\\max}$ ({metric:bimodality} grows) and the {plot:learning|output rate} falls from ≈ 40 Hz.',
      expect: { metric: 'bimodality', above: 0.15 },
    },
    {
      label: 'Soft bounds: multiplicative STDP (μ = 1)',
      set: { mu: 1 },
      lookFor: 'With weight-dependent steps the histogram turns unimodal around $w^* = 1/(1+\\alpha)$ of $g_{\\max}$ and {metric:bimodality} drops to 0: the competition is gone.',
      expect: { metric: 'bimodality', change: 'fall' },
    },
    {
      label: 'Plain Hebbian learning',
      experiment: 'hebb-compensation',
      set: { rule: 0 },
      speed: 5000,
      lookFor: 'The more the unit fires, the more its inputs strengthen: {metric:max_weight} runs away to the cap in the {plot:weights} plot.',
      expect: { metric: 'max_weight', above: 5 },
    },
    {
      label: 'BCM with a fast sliding threshold (τθ = 2 s)',
      experiment: 'hebb-compensation',
      set: { rule: 1, tau_theta_s: 2 },
      speed: 5000,
      lookFor: 'The threshold θ follows $y^2/y_0$ quickly, and the {plot:activity} settles at $y = \\theta = y_0$ = 1.',
      expect: { metric: 'output', above: 0.7, below: 1.3 },
    },
    {
      label: 'Make the threshold slow: τθ = 50 s',
      set: { tau_theta_s: 50 },
      lookFor: 'Above the critical τθ (in the {plot:activity} title) the threshold lags: the activity overshoots, runs up and then falls silent, and {metric:stable} turns to “no”. Compensation must be faster than learning (the “temporal paradox”).',
      expect: { metric: 'stable', equals: 'no' },
    },
  ],
  questions: [
    {
      question: 'In the {plot:frequency} plot, from which pairing frequency on do post→pre pairs (−10 ms) potentiate under the triplet rule? Can any pair rule do this?',
      answer: 'Between about 30 and 40 Hz the −10 ms curve crosses zero (+0.17 at 40 Hz, +0.75 at 50 Hz). A pair rule sums independent pair contributions, so post→pre stays depression at every frequency (dashed curves).',
    },
    {
      question: 'In stdp-bimodal, raise {param:input_rate_hz} from 15 to 30 Hz and wait 20 s. Does the output rate double?',
      answer: 'No: the mean weight falls (≈ 0.25 g_max instead of ≈ 0.47) and the output settles around 32–38 Hz. Additive STDP regulates the output rate against the input rate.',
    },
    {
      question: 'In hebb-compensation, find the largest τθ at which BCM is still stable. How does it compare with the critical value printed in the {plot:activity} title?',
      answer: 'Below the critical τθ (≈ 7.6 s with the default η and y0) the activity settles; above it the oscillation grows. The critical value falls when you raise {param:eta}: faster learning needs faster compensation.',
    },
  ],
  notes: [
    { p: 'The minimal triplet set here is Pfister & Gerstner’s all-to-all fit to Sjöström’s data with $\\tau_y$ = 114 ms; 60 consecutive pairings reproduce the data (χ² ≈ 3.6 over 10 points).' },
  ],
};
