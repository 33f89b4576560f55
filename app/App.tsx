/** Page layout: header, transport bar, messages, then controls beside the live plots (and a lesson). */
import { useEffect } from 'react';
import { applyChartTheme } from './charts/theme';
import { notifyLiveData } from './engine/frameBus';
import { ShareDialog } from './components/ShareDialog';
import { useKeyboardShortcuts } from './components/shortcuts';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { ExperimentHeader } from './components/ExperimentHeader';
import { Gallery } from './components/Gallery';
import { LessonDock } from './components/LessonDock';
import { MessageBanner } from './components/MessageBanner';
import { ParamPanel } from './components/ParamPanel';
import { PlotsColumn } from './components/PlotsColumn';
import { Toolbar } from './components/Toolbar';
import { SoundControl } from './components/SoundControl';
import { Timeline } from './components/Timeline';
import { useStore } from './store';

export function App() {
  useKeyboardShortcuts();
  const projector = useProjectorTheme();
  const embed = useStore((s) => s.embed);
  const full = useStore((s) => s.fullscreen !== null);
  if (embed) return <EmbedApp projector={projector} />;
  return (
    <div className={`app${projector ? ' projector' : ''}${full ? ' has-fullscreen' : ''}`}>
      <ExperimentHeader />
      <section className="run-bar" aria-label="Run controls">
        <Toolbar />
        <Timeline />
        <SoundControl />
        <MessageBanner />
      </section>
      <Gallery />
      <main className="main">
        <ParamPanel />
        <PlotsColumn viewBar />
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
      <section className="run-bar" aria-label="Run controls">
        <Toolbar />
        <MessageBanner />
      </section>
      <main className="main">
        <ParamPanel />
        <PlotsColumn viewBar={false} />
      </main>
      <a className="embed-open" href={full} target="_blank" rel="noreferrer">
        Open in Plasticity Playground ↗
      </a>
      <ShortcutsHelp />
    </div>
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
