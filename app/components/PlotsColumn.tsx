/**
 * The charts column. First the experiment's story charts (its `primary.plots`), sized together to
 * fill the rest of the first screen beside their controls; then the measurements; then every
 * other chart. Charts the link hides are left out.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useStore } from '../store';
import { isHidden } from '../store/viewSlice';
import { ExperimentChart } from './ExperimentPlots';
import { MetricsCard } from './MetricsCard';
import { RasterPlot } from './RasterPlot';
import { RateHistogram } from './RateHistogram';
import { RateTrace } from './RateTrace';
import { ViewBar } from './ViewBar';
import { ABPanel } from './ABPanel';

interface ChartRef {
  id: string;
  title: string;
}

const SPIKING: ChartRef[] = [
  { id: 'raster', title: 'Spike raster' },
  { id: 'rate-trace', title: 'Population rate' },
  { id: 'rate-histogram', title: 'Firing-rate histogram' },
];

/** Fewest neurons for which the firing-rate histogram is shown. */
const MIN_HISTOGRAM_NEURONS = 5;

function Chart({ id, title }: ChartRef) {
  if (id === 'raster') return <RasterPlot windowMs={1000} />;
  if (id === 'rate-trace') return <RateTrace windowMs={1000} />;
  if (id === 'rate-histogram') return <RateHistogram windowMs={1000} />;
  return <ExperimentChart id={id} title={title} />;
}

/** The story charts first, the rest after: ids of the current run's visible charts. */
export function usePlotGroups(): { primary: ChartRef[]; rest: ChartRef[] } {
  const titles = useStore((s) => s.plotTitles);
  const hasLayers = useStore((s) => (s.info?.layers.length ?? 0) > 0);
  // A histogram of per-neuron rates needs a population (one neuron would make one bar).
  const population = useStore((s) => (s.info?.neurons ?? 0) >= MIN_HISTOGRAM_NEURONS);
  const declared = useStore((s) => s.experiments.find((e) => e.id === s.info?.config.experiment)?.primary?.plots);
  const view = useStore((s) => s.view);
  const reveal = useStore((s) => s.revealHidden);
  const spiking = hasLayers ? SPIKING.filter((c) => c.id !== 'rate-histogram' || population) : [];
  const all = [...titles, ...spiking].filter((c) => !isHidden({ view, revealHidden: reveal }, `plot:${c.id}`));
  let primary = (declared ?? []).map((id) => all.find((c) => c.id === id)).filter((c): c is ChartRef => !!c);
  if (primary.length === 0) primary = all.slice(0, 2);
  return { primary, rest: all.filter((c) => !primary.includes(c)) };
}

export function PlotsColumn({ viewBar }: { viewBar: boolean }) {
  const { primary, rest } = usePlotGroups();
  const hasLayers = useStore((s) => (s.info?.layers.length ?? 0) > 0);
  const ref = useRef<HTMLDivElement>(null);
  useFitToScreen(ref, primary.length);
  return (
    <section className="plots" aria-label="Live plots">
      {viewBar && <ViewBar />}
      {viewBar && <ABPanel />}
      {primary.length > 0 && (
        <div ref={ref} className={`primary-grid n${primary.length}`} data-testid="primary-charts">
          {primary.map((c) => (
            <Chart key={c.id} {...c} />
          ))}
        </div>
      )}
      <MetricsCard />
      {rest.length > 0 && (
        <div className="plot-grid more-charts" data-testid="more-charts">
          {rest.map((c) => (
            <Chart key={c.id} {...c} />
          ))}
        </div>
      )}
      {hasLayers && <PopulationRate />}
    </section>
  );
}

/** Smallest height of one row of story charts (CSS px), below which the page scrolls instead. */
const MIN_ROW = 230;

/**
 * Sets the height of the story charts' grid (CSS variable --grid-h) to the room between its top
 * and the bottom of the window; its rows share it and each chart's canvas takes what its caption
 * leaves (styles.css). On a phone the charts take a share of the width instead (--chart-h).
 * Recomputed on resize and whenever the page above the grid changes size.
 */
function useFitToScreen(ref: RefObject<HTMLDivElement | null>, n: number): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || n === 0) return;
    const update = () => {
      const width = el.clientWidth;
      if (window.innerWidth < 700) {
        el.style.removeProperty('--grid-h');
        el.style.setProperty('--chart-h', `${Math.round(Math.min(320, Math.max(200, width * 0.62)))}px`);
        return;
      }
      const rows = n === 1 ? 1 : Math.ceil(n / 2);
      const top = el.getBoundingClientRect().top + window.scrollY;
      const avail = window.innerHeight - top - 10;
      el.style.setProperty('--grid-h', `${Math.round(Math.max(rows * MIN_ROW, avail))}px`);
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(document.body);
    ro.observe(el);
    window.addEventListener('resize', update);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [ref, n]);
}

function PopulationRate() {
  const rate = useStore((s) => s.popRateHz);
  const total = useStore((s) => s.totalSpikes);
  const dropped = useStore((s) => s.droppedSpikes);
  return (
    <p className="stats">
      Population rate (last 100 ms): <b data-testid="pop-rate">{Number.isFinite(rate) ? rate.toFixed(2) : '—'}</b> Hz · spikes so far:{' '}
      <b data-testid="total-spikes">{total.toLocaleString('en')}</b>
      {dropped > 0 && <span className="muted"> · {dropped.toLocaleString('en')} spikes not drawn (display fell behind; the run is unaffected)</span>}
    </p>
  );
}
