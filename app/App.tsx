/** Page layout: header, transport bar, messages, parameter panel and the live plots. */
import { useEffect } from 'react';
import { ExperimentHeader } from './components/ExperimentHeader';
import { ExperimentPlots } from './components/ExperimentPlots';
import { Gallery } from './components/Gallery';
import { LessonDock } from './components/LessonDock';
import { MessageBanner } from './components/MessageBanner';
import { MetricsCard } from './components/MetricsCard';
import { ParamPanel } from './components/ParamPanel';
import { RasterPlot } from './components/RasterPlot';
import { RateHistogram } from './components/RateHistogram';
import { RateTrace } from './components/RateTrace';
import { Toolbar } from './components/Toolbar';
import { useStore } from './store';
import { reset, stepBy, togglePlay } from './store/actions';

export function App() {
  useKeyboardShortcuts();
  return (
    <div className="app">
      <ExperimentHeader />
      <Toolbar />
      <MessageBanner />
      <Gallery />
      <main className="main">
        <ParamPanel />
        <section className="plots" aria-label="Live plots">
          <ExperimentPlots />
          <SpikingViews />
          <MetricsCard />
        </section>
        <LessonDock />
      </main>
    </div>
  );
}

/** Raster, rate trace and rate histogram, for experiments that have spiking layers. */
function SpikingViews() {
  const hasLayers = useStore((s) => (s.info?.layers.length ?? 0) > 0);
  if (!hasLayers) return null;
  return (
    <>
      <RasterPlot windowMs={1000} />
      <div className="plot-row">
        <RateTrace windowMs={1000} />
        <RateHistogram windowMs={1000} />
      </div>
      <PopulationRate />
    </>
  );
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

/** Space: play/pause; '.': step 1 ms; 'r': reset — unless typing in a field. */
function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ') {
        e.preventDefault();
        void togglePlay();
      } else if (e.key === '.') void stepBy(10);
      else if (e.key === 'r') void reset();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
