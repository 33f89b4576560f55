/** Lesson: SuperSpike, surrogate-gradient learning of precise spike times (Zenke & Ganguli 2018). SCIENCE.md §4. */
import type { Lesson } from './types';

export const superspikeLesson: Lesson = {
  id: 'superspike',
  title: 'SuperSpike: learning spike times',
  blurb: 'A three-factor rule (error × surrogate × PSP) teaches a spiking network to draw a picture with its spikes.',
  experiment: 'superspike-target',
  seed: 1,
  speed: Infinity,
  intro: [
    { p: 'Output neuron $i$ should fire at the target times $\\hat S_i$ (the {plot:target} raster). The loss is the van Rossum distance: both spike trains are smoothed with a kernel $\\alpha$ and the squared difference is integrated.' },
    { eq: 'L = \\tfrac12 \\sum_i \\int \\big[\\alpha * (\\hat S_i - S_i)\\big]^2\\, dt' },
    { p: 'A spike has no useful derivative, so SuperSpike replaces it, for the gradient only, by the derivative of a fast sigmoid of the membrane potential $U_i$ around the threshold $\\vartheta$ (steepness {param:beta}). The result is a local three-factor rule: error × postsynaptic surrogate × presynaptic PSP trace, filtered into an eligibility trace.' },
    { eq: '\\frac{\\partial w_{ij}}{\\partial t} = \\eta\\; e_i(t)\\; \\alpha * \\big[\\sigma\'(U_i)\\,(\\epsilon * S_j)\\big], \\qquad e_i = \\alpha * (\\hat S_i - S_i), \\qquad \\sigma\'(U) = \\frac{1}{(1 + \\beta |U - \\vartheta|)^2}' },
    { p: 'Hidden neurons have no target of their own: they receive the output errors through a feedback matrix, $\\sum_k b_{ki}\\, e_k$, chosen by {param:feedback}: the true output weights (symmetric), a fixed random matrix, or one uniform signal. Weight steps are RMS-normalised per synapse, once per 500-ms trial ({param:eta} is the largest step).' },
  ],
  steps: [
    {
      label: 'Learn with symmetric feedback',
      set: {},
      speed: Infinity,
      lookFor: 'The {plot:actual|output raster} starts to draw the picture and the {plot:loss} falls below the dashed line at half its initial value ({metric:van_rossum_final} vs {metric:van_rossum_initial}).',
      expect: { metric: 'van_rossum_final', below: 1400 },
    },
    {
      label: 'Start again with random feedback',
      experiment: 'superspike-target',
      set: { feedback: 1 },
      speed: Infinity,
      lookFor: 'A fixed random feedback matrix works almost as well on this task: the {plot:loss} again falls below half its initial value within a few dozen trials.',
      expect: { metric: 'van_rossum_final', below: 1400 },
    },
    {
      label: 'Start again with one uniform error signal',
      experiment: 'superspike-target',
      set: { feedback: 2 },
      speed: Infinity,
      lookFor: 'Every hidden neuron now gets the same summed error, so the hidden layer cannot divide the work: after 40 trials {metric:van_rossum_final} is still well above half its initial value, where symmetric and random feedback were far below half.',
      // After 41 trials (20.5 s) the loss is 1551 (first trial 2840); uniform feedback does learn
      // later (≈ 500 after 800 trials), so it is judged at that point, not at whatever trial a
      // machine happens to be at.
      expect: { metric: 'van_rossum_final', above: 1200, atMs: 20_500 },
    },
  ],
  questions: [
    {
      question: 'Set {param:plastic|Learning} to off after the loss has fallen. Does the output raster keep drawing the picture?',
      answer: 'Yes: the weights are frozen and the input is the same frozen Poisson pattern every trial, so the network keeps producing (nearly) the same learned raster; only the loss stops improving.',
    },
    {
      question: 'Make the surrogate very steep ({param:beta} = 10) and restart. Does learning stop?',
      answer: 'No, it slows a little: with a steep surrogate only neurons close to threshold get credit, but the RMS normalisation keeps the step size, so the loss still falls (≈ 490 instead of ≈ 380 after 40 trials with seed 1).',
    },
    {
      question: 'Which feedback does the paper say is needed for harder, nonlinear tasks?',
      answer: 'Symmetric feedback. Simple tasks can be learned with any of the three kinds; the uniform signal here already struggles because the hidden neurons cannot specialise.',
    },
  ],
  notes: [
    { p: 'Numbers here are for seed 1 and the default picture. The paper gives no exact final errors; treat anything beyond “the loss falls” as specific to this setup.' },
  ],
};
