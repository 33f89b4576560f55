/** Lesson: Latent Predictive Learning (Halvagal & Zenke 2023). SCIENCE.md §3. */
import type { Lesson } from './types';

export const lplLesson: Lesson = {
  id: 'lpl',
  title: 'Latent Predictive Learning',
  blurb: 'A local rule that predicts its own future and keeps its variance up: invariant features without labels, and STDP windows that depend on the postsynaptic variance.',
  experiment: 'lpl-sequences',
  speed: 1000,
  intro: [
    { p: 'LPL asks each unit $z_i = f(a_i)$, $a = Wx$, to change slowly across consecutive frames of a sequence (a predictive “pull”), while keeping its variance over many frames up (a Hebbian “push”) and staying decorrelated from the other units:' },
    { eq: 'L = \\tfrac12\\,\\overline{\\big(z_i(t) - \\mathrm{SG}[z_i(t-\\Delta t)]\\big)^2} \\; - \\; \\lambda\\,\\frac1M \\sum_i \\log\\big(\\sigma_i^2 + \\epsilon\\big) \\; + \\; \\lambda_\\text{dec}\\, \\frac{1}{M^2-M}\\sum_{i\\neq k} C_{ik}^2' },
    { p: 'Its gradient is a local, three-factor rule. For one neuron in continuous time:' },
    { eq: '\\frac{dW_j}{dt} = \\eta\\, x_j\\, f\'(a)\\Big[-\\frac{dz}{dt} + \\frac{\\lambda}{\\sigma_z^2}\\,(z - \\bar z)\\Big]' },
    { p: 'The Hebbian part is BCM-like with threshold $\\bar z$ and a gain $1/\\sigma_z^2$: a unit whose output hardly varies learns fast, one that already varies a lot learns slowly (metaplasticity). {param:lambda} weighs the push, {param:pred} switches the pull, {param:decor} the decorrelation.' },
  ],
  steps: [
    {
      label: 'Let the layer learn at full speed',
      set: {},
      speed: Infinity,
      lookFor: 'The {plot:rf|receptive fields} turn from noise into strokes and blobs, {metric:output_variance} grows far above {metric:output_variance_initial}, and the linear {metric:readout_accuracy|readout} of held-out sequences rises above that of the untrained layer ({metric:readout_accuracy_initial}; chance {metric:readout_chance}).',
      expect: { metric: 'frames', above: 1500 },
    },
    {
      label: 'Hebbian push off: λ = 0',
      set: { lambda: 0 },
      lookFor: 'Only the predictive pull is left, and the easiest way to be predictable is to say nothing: {metric:output_variance} falls within a few hundred frames (the {plot:variance} curve drops). This is representational collapse.',
      expect: { metric: 'output_variance', change: 'fall' },
    },
    {
      label: 'Bring the push back: λ = 1',
      set: { lambda: 1 },
      lookFor: 'The variance recovers ({metric:output_variance} rises again) and the receptive fields sharpen.',
      expect: { metric: 'output_variance', change: 'rise' },
    },
    {
      label: 'The spiking rule in an STDP protocol',
      experiment: 'lpl-stdp-window',
      set: {},
      lookFor: 'In the {plot:windows} plot, a quiet neuron (σ² = 1e-5) shows a classic Hebbian window with its peak just after 0; as σ² grows the potentiation peak shrinks and moves to the acausal side ($\\Delta t < 0$).',
      expect: { plot: 'windows', above: 0.3 },
    },
    {
      label: 'Hebbian term off: λ = 0',
      set: { lambda_e4: 0 },
      lookFor: 'What is left is the predictive term, which is anti-Hebbian and the same for every σ²: pre→post pairs depress, post→pre pairs potentiate, and the {plot:windows} curves collapse onto one, at most about ±15%.',
      expect: { plot: 'windows', change: 'fall', factor: 0.5 },
    },
    {
      label: 'Hebbian term on, predictive term off',
      set: { lambda_e4: 1, pred: 0, rbar_hz: 0 },
      lookFor: 'The Hebbian term alone (with $\\bar r$ = 0) potentiates for all small $|\\Delta t|$, with its maximum a few ms after the presynaptic spike; its size scales as $1/(\\sigma^2 + \\xi)$, so the σ² = 1e-5 curve dominates.',
      expect: { plot: 'windows', change: 'rise', factor: 3 },
    },
  ],
  questions: [
    {
      question: 'In lpl-sequences, switch the {param:pred|predictive term} off and let it run for 2,000 frames. What happens to {metric:unit_correlation}, {metric:invariance} and {metric:readout_accuracy}?',
      answer: 'Without the pull the variance stays up (the push and decorrelation still act). Over five seeds (docs/STUDIES.md) invariance ends a little lower than with the pull (≈ 0.87 against ≈ 0.89), but the linear readout is the same within its uncertainty (≈ 0.58–0.59 both): at this scale the predictive term is not what makes digits readable.',
    },
    {
      question: 'In lpl-stdp-window, move {param:rbar_hz|the preset rate r̄} from 0 to 20 Hz. What changes, and why is this a sliding threshold?',
      answer: 'A timing-independent depression is added to every Δt: the Hebbian term is $(z - \\bar z)$, so a higher mean rate r̄ subtracts more at each pairing — the BCM threshold moves up with activity.',
    },
    {
      question: 'In the {plot:lpl-frequency} plot, at which pairing frequencies do both orders (±10 ms) potentiate? Compare with the triplet STDP lesson.',
      answer: 'At low rates only post→pre pairs change the weight (LTD); from about 20 Hz both orders give LTP, qualitatively like Sjöström et al. (2001), without a triplet term.',
    },
  ],
  notes: [
    { p: 'What the ablations show here (lpl-sequences, MNIST sequences, seeds 1–5, mean ± 95% CI; docs/STUDIES.md): the full rule reaches a linear readout of ≈ 0.58 ± 0.06 (chance 0.10), above the untrained layer’s ≈ 0.45 ± 0.03. With λ = 0 the output variance collapses by three orders of magnitude and the readout falls back to the untrained level (≈ 0.45). With the predictive term off the readout is unchanged (≈ 0.59 ± 0.07); invariance is slightly but clearly lower (0.870 ± 0.006 against 0.886 ± 0.006). So in this one-layer, 64-unit setting the Hebbian term carries the gain in readout; the paper’s finding that the predictive term matters (it does in a deep network, layer by layer) is not reproduced at this scale.' },
    { p: 'The equations use the 2024 erratum’s corrected normalisations (λ = 1e-4, ξ = 1e-7 in the spiking rule). In the spiking network (lpl-spiking), selectivity for slow signals builds up slowly: the paper ran $10^5$ s.' },
  ],
};
