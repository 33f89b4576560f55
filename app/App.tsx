/** Page layout: header, transport bar, messages, parameter panel and the live plots. */
import { useEffect } from 'react';
import { applyChartTheme } from './charts/theme';
import { notifyLiveData } from './engine/frameBus';
import { ShareDialog } from './components/ShareDialog';
import { useKeyboardShortcuts } from './components/shortcuts';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { ViewBar } from './components/ViewBar';
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
import { SoundControl } from './components/SoundControl';
import { Timeline } from './components/Timeline';
import { ABPanel } from './components/ABPanel';
import { useStore } from './store';

export function App() {
  useKeyboardShortcuts();
  const projector = useProjectorTheme();
  const embed = useStore((s) => s.embed);
  if (embed) return <EmbedApp projector={projector} />;
  return (
    <div className={`app${projector ? ' projector' : ''}`}>
      <ExperimentHeader />
      <Toolbar />
      <Timeline />
      <SoundControl />
      <MessageBanner />
      <Gallery />
      <main className="main">
        <ParamPanel />
        <Plots viewBar />
        <LessonDock />
      </main>
      <ShortcutsHelp />
      <ShareDialog />
    </div>
  );
}

/** ?embed=1: only the chosen plots and controls (for slides and iframes), no header or menus. */
function EmbedApp({ projector }: { projector: boolean }) {
  const full = window.location.href.replace(/[?&]embed=1/, '').replace(/\?#/, '#');
  return (
    <div className={`app embed${projector ? ' projector' : ''}`} data-testid="embed">
      <Toolbar />
      <MessageBanner />
      <main className="main">
        <ParamPanel />
        <Plots viewBar={false} />
      </main>
      <a className="embed-open" href={full} target="_blank" rel="noreferrer">
        Open in Plasticity Playground ↗
      </a>
      <ShortcutsHelp />
    </div>
  );
}

/** The charts column: the experiment's charts, the spiking views and the measurements. */
function Plots({ viewBar }: { viewBar: boolean }) {
  return (
    <section className="plots" aria-label="Live plots">
      {viewBar && <ViewBar />}
      <ABPanel />
      <ExperimentPlots />
      <SpikingViews />
      <MetricsCard />
    </section>
  );
}

/** Projector mode switches the chart palette and sizes too; charts redraw at once. */
function useProjectorTheme(): boolean {
  const projector = useStore((s) => s.projector);
  useEffect(() => {
    applyChartTheme(projector);
    notifyLiveData();
  }, [projector]);
  return projector;
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
