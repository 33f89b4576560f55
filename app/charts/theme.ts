/**
 * Chart theme: the normal palette, or projector mode (large type, thick lines, and the
 * Okabe–Ito palette, which stays distinguishable with the common colour-vision deficiencies
 * and on washed-out projectors). The canvas renderers read these tables at draw time.
 */
import { ROLE_COLORS, SERIES_COLORS, setChartScale } from './axes';

const NORMAL = { roles: { ...ROLE_COLORS }, series: { ...SERIES_COLORS } };

/** Okabe & Ito (2008), "Color Universal Design". */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

const PROJECTOR = {
  roles: { exc: OKABE_ITO.blue, inh: OKABE_ITO.vermillion, input: '#555555', output: OKABE_ITO.bluishGreen },
  series: { exc: OKABE_ITO.blue, inh: OKABE_ITO.vermillion, data: OKABE_ITO.black, model: OKABE_ITO.bluishGreen, alt: OKABE_ITO.orange, muted: '#777777' },
};

export function applyChartTheme(projector: boolean): void {
  const t = projector ? PROJECTOR : NORMAL;
  Object.assign(ROLE_COLORS, t.roles);
  Object.assign(SERIES_COLORS, t.series);
  setChartScale(projector ? 18 : 13, projector ? 2 : 1);
}
