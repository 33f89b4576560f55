/** Transport controls: play/pause, single step, reset, speed, copy link; plus the run readouts. */
import { useStore } from '../store';
import { copyLink, reset, setSpeed, stepBy, togglePlay } from '../store/actions';
import { isHidden } from '../store/viewSlice';
import { formatSimTime } from './format';

/** Speed choices: simulated ms per wall-clock second. */
const SPEEDS: { label: string; value: number }[] = [
  { label: '0.1× real time', value: 100 },
  { label: '0.25×', value: 250 },
  { label: '0.5×', value: 500 },
  { label: '1× real time', value: 1000 },
  { label: '2×', value: 2000 },
  { label: '5×', value: 5000 },
  { label: '10×', value: 10_000 },
  { label: '50×', value: 50_000 },
  { label: 'as fast as possible', value: Infinity },
];

export function Toolbar() {
  const playing = useStore((s) => s.playing);
  const busy = useStore((s) => s.busy);
  const speed = useStore((s) => s.speed);
  const info = useStore((s) => s.info);
  const copied = useStore((s) => s.toast);
  const hidden = useStore((s) => isHidden(s, 'panel:toolbar'));
  const dt = info?.dt_ms ?? 0.1;
  const computed = info?.mode === 'computed';
  const copy = copyLink;
  const embed = useStore((s) => s.embed);
  const share = embed ? null : (
    <>
      <button data-testid="share" onClick={() => useStore.getState().setOverlay('share')} title="Link, configuration file, downloads, classroom settings">
        Share / export…
      </button>
      <button data-testid="help" onClick={() => useStore.getState().setOverlay('help')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
    </>
  );
  if (hidden) return copied ? <span className="toast" role="status">{copied}</span> : null;

  if (computed) {
    return (
      <div className="toolbar" role="toolbar" aria-label="Experiment controls">
        <span className="muted">Computed directly from the parameters: every change redraws the result at once.</span>
        <button data-testid="copy-link" onClick={() => void copy()} title="Copy a link to this exact configuration">
          Copy link
        </button>
        {share}
        {copied && <span className="toast" role="status">{copied}</span>}
      </div>
    );
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Simulation controls" data-testid="toolbar">
      <button data-testid="play" className="primary" onClick={() => void togglePlay()} disabled={busy} title="Play / pause (space)">
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button data-testid="step-once" onClick={() => void stepBy(Math.max(1, Math.round(1 / dt)))} disabled={busy} title="Advance one step, or 1 ms for fine time steps (.; → for a single integration step)">
        Step {dt >= 1 ? `${dt} ms` : '1 ms'}
      </button>
      <button data-testid="step-100" onClick={() => void stepBy(Math.round(100 / dt))} disabled={busy} title="Advance 100 ms">
        +100 ms
      </button>
      <button data-testid="reset" onClick={() => void reset()} disabled={busy} title="Restart at t = 0 with the current parameters (r)">
        ↺ Reset
      </button>
      <label className="speed">
        Speed{' '}
        <select data-testid="speed" value={String(speed)} onChange={(e) => void setSpeed(Number(e.target.value), true)}>
          {SPEEDS.map((s) => (
            <option key={s.label} value={String(s.value)}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <button data-testid="copy-link" onClick={() => void copy()} title="Copy a link that reproduces this run spike for spike">
        Copy link
      </button>
      {share}
      {copied && <span className="toast" role="status">{copied}</span>}
      <RunReadout />
    </div>
  );
}

function RunReadout() {
  const step = useStore((s) => s.step);
  const t = useStore((s) => s.t_ms);
  const fp = useStore((s) => s.fingerprint);
  const rt = useStore((s) => s.realtimeFactor);
  const threads = useStore((s) => s.threads);
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  const goal = useStore((s) => s.goal);
  // The chosen factor (simulated ms per wall-clock s / 1000); the machine may not reach it.
  const chosen = speed / 1000;
  const short = playing && rt > 0 && Number.isFinite(chosen) && rt < 0.9 * chosen;
  return (
    <div className="readout" aria-live="off">
      <span title="Simulated time" className="clock">
        t = <b data-testid="sim-time">{formatSimTime(t)}</b>
      </span>
      <span title="Completed integration steps">
        step <b data-testid="step">{step}</b>
      </span>
      <span title="Hash over every spike (step, neuron) so far: equal fingerprints at equal steps mean identical runs">
        fingerprint <code data-testid="fingerprint">{fp}</code>
      </span>
      {goal !== null && (
        <span className="muted" data-testid="advance-progress" title="Running as fast as this machine can to the step the link asks for (?at=); Pause stops here">
          going to step {goal.toLocaleString('en')}: {Math.min(99, Math.floor((100 * step) / goal))} %
        </span>
      )}
      {playing && rt > 0 && (
        <span className={short ? 'speed-short' : 'muted'} data-testid="achieved-speed" title={short ? `This machine reaches ${formatFactor(rt)} of the chosen ${formatFactor(chosen)}` : 'Simulated time per wall-clock time, measured'}>
          {short ? `achieved ${formatFactor(rt)} real time (of ${formatFactor(chosen)})` : `${formatFactor(rt)} real time`}
        </span>
      )}
      {threads === 2 && (
        <span className="muted" data-testid="threads" title="The white-noise neurons step on two worker threads: the app measured them faster than one on this machine, with what the page needs to draw (the bench and tests can also force them on). The run is the same bits either way.">
          2 threads
        </span>
      )}
    </div>
  );
}

/** "0.19×", "12×". */
function formatFactor(x: number): string {
  return `${x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2)}×`;
}
