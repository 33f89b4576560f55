/**
 * Sjöström, Turrigiano & Nelson 2001 (layer-5 visual cortex): fractional weight change ± s.e.m.
 * after 60 pairings at Δt = ±10 ms versus pairing frequency, as tabulated in SCIENCE.md §2.3.
 */
export const SJOSTROM_2001 = {
  hz: [0.1, 10, 20, 40, 50],
  plus10: [-0.04, 0.14, 0.29, 0.53, 0.56],
  plus10Sem: [0.05, 0.1, 0.14, 0.11, 0.26],
  minus10: [-0.29, -0.41, -0.34, 0.56, 0.75],
  minus10Sem: [0.08, 0.11, 0.1, 0.32, 0.19],
} as const;

/** Pairings per frequency point in the model protocol that reproduces the data (SCIENCE.md §2.3). */
export const SJOSTROM_PAIRINGS = 60;
