/**
 * What the page shows and how: the link's view settings (hidden controls and panels, raster
 * selection, local-images note; mirrored from the worker, which keeps them in the link), the
 * presentation modes (projector, embed), the comparison overlay, and the open dialog.
 */
import type { StateCreator } from 'zustand';
import type { ViewConfig } from '../../workers/simApi';
import { parseAt, type AtRequest } from '../url/openAt';
import type { AppState } from './index';

export type Overlay = 'help' | 'share' | null;

export interface ViewSlice {
  view: ViewConfig;
  /** Large type, thick lines, colour-blind-safe palette (?projector=1). */
  projector: boolean;
  /** Only the chosen plots and controls, for slides and iframes (?embed=1). */
  embed: boolean;
  /** Start runs playing when a link or file opens (?autoplay=0 opens them paused at t = 0; ?at=N paused at step N). */
  autoplay: boolean;
  /** The step the page's first run opens at (?at=N), checked but not yet capped (app/url/openAt.ts). */
  openAt: AtRequest;
  /** The viewer chose to see what the link hides. */
  revealHidden: boolean;
  /** Keep the previous run's curves as a faded overlay when parameters change. */
  compare: boolean;
  overlay: Overlay;
  /** Short confirmation shown in the toolbar ("Link copied"). */
  toast: string | null;
  /** Id of the chart shown full screen (button or `f`), or null. */
  fullscreen: string | null;
  setViewState(view: ViewConfig): void;
  setProjector(on: boolean): void;
  setRevealHidden(on: boolean): void;
  setCompare(on: boolean): void;
  setOverlay(o: Overlay): void;
  showToast(text: string | null): void;
  setFullscreen(id: string | null): void;
}

const query = typeof window === 'undefined' ? new URLSearchParams() : new URLSearchParams(window.location.search);
const flag = (name: string) => query.get(name) === '1' || query.get(name) === 'true';

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: { hidden: [], raster: { mode: 'all' }, localImages: 0 },
  projector: flag('projector'),
  embed: flag('embed'),
  autoplay: query.get('autoplay') !== '0' && !query.has('at'),
  openAt: parseAt(query.get('at')),
  revealHidden: false,
  compare: false,
  overlay: null,
  toast: null,
  fullscreen: null,
  setViewState: (view) => set({ view }),
  setProjector: (projector) => set({ projector }),
  setRevealHidden: (revealHidden) => set({ revealHidden }),
  setCompare: (compare) => set({ compare }),
  setOverlay: (overlay) => set({ overlay }),
  showToast: (toast) => set({ toast }),
  setFullscreen: (fullscreen) => set({ fullscreen }),
});

/** True when the control or panel `id` ("param:<key>", "plot:<id>", "panel:<name>") is hidden now. */
export function isHidden(s: Pick<ViewSlice, 'view' | 'revealHidden'>, id: string): boolean {
  return !s.revealHidden && s.view.hidden.includes(id);
}
