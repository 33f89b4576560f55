/**
 * Timeline under the transport: the run so far, its exact checkpoints, and a handle to drag
 * back to any earlier moment. Continue unchanged and the run replays exactly; change a
 * parameter there and it branches (the link then reproduces the branch).
 */
import './classroom.css';
import { useState, useSyncExternalStore } from 'react';
import { subscribeTimeline, timelineInfo } from '../engine/timelineStore';
import { useStore } from '../store';
import { seekTo } from '../store/timelineActions';
import { formatSimTime } from './format';

export function Timeline() {
  const tl = useSyncExternalStore(subscribeTimeline, timelineInfo);
  const info = useStore((s) => s.info);
  const step = useStore((s) => s.step);
  const busy = useStore((s) => s.busy);
  const [drag, setDrag] = useState<number | null>(null);
  const [goto, setGoto] = useState('');
  if (!info || info.mode !== 'simulated' || !tl) return null;
  const dt = info.dt_ms;
  const horizon = Math.max(tl.horizon, step);
  const shown = drag ?? step;
  const commit = () => {
    if (drag !== null && drag !== step) void seekTo(drag);
    setDrag(null);
  };
  const mb = (b: number) => `${(b / 1048576).toFixed(b < 10 * 1048576 ? 1 : 0)} MB`;
  const pct = (s: number) => `${horizon > 0 ? (100 * s) / horizon : 0}%`;
  const rewound = step < tl.horizon;
  return (
    <div className="timeline" role="group" aria-label="Timeline: rewind and branch">
      <span className="timeline-label" title={`${tl.checkpoints.length} exact checkpoints every ${formatSimTime(tl.intervalSteps * dt)} (at most ${tl.maxCount} and ${mb(tl.maxBytes)}; older ones are thinned), using ${mb(tl.bytes)}`}>Timeline</span>
      <div className="timeline-track">
        <input
          type="range"
          data-testid="timeline-range"
          aria-label={`Simulated time (drag back to rewind; now ${formatSimTime(step * dt)})`}
          aria-valuetext={formatSimTime(shown * dt)}
          min={0}
          max={horizon}
          step={1}
          value={shown}
          disabled={busy || horizon === 0}
          onChange={(e) => setDrag(Number(e.target.value))}
          onPointerUp={commit}
          onKeyUp={commit}
          onBlur={commit}
        />
        <div className="timeline-marks" aria-hidden="true">
          {tl.checkpoints.map((c) => (
            <span key={c} className="timeline-cp" style={{ left: pct(c) }} />
          ))}
          {tl.branchStep !== null && tl.branchStep <= horizon && <span className="timeline-branch" style={{ left: pct(tl.branchStep) }} />}
        </div>
      </div>
      <span data-testid="timeline-time">
        {drag !== null ? `go to t = ${formatSimTime(drag * dt)}` : `t = ${formatSimTime(step * dt)}`} of {formatSimTime(horizon * dt)}
      </span>
      <label>
        Go to t ={' '}
        <input
          data-testid="timeline-goto"
          inputMode="decimal"
          className="timeline-goto"
          value={goto}
          placeholder="ms"
          onChange={(e) => setGoto(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && go()}
        />{' '}
        ms
      </label>
      <button data-testid="timeline-seek" disabled={busy} onClick={go}>
        Rewind
      </button>
      <p className="muted timeline-note" data-testid="timeline-note">
        {rewound ? (
          <>Rewound to t = {formatSimTime(step * dt)}: play to replay the same run exactly, or change a parameter to branch here. </>
        ) : null}
        {tl.branchStep !== null && <>Branched at t = {formatSimTime(tl.branchStep * dt)} (▼); the link reproduces this branch. </>}
        {tl.checkpoints.length} exact checkpoint{tl.checkpoints.length === 1 ? '' : 's'} every {formatSimTime(tl.intervalSteps * dt)}
        {tl.thinned > 0 ? ` (spacing doubled ${tl.thinned}× to stay within ${tl.maxCount} checkpoints and ${mb(tl.maxBytes)})` : ` (at most ${tl.maxCount} and ${mb(tl.maxBytes)}; older ones are thinned)`}, using {mb(tl.bytes)}; a rewind replays from the nearest one.
      </p>
    </div>
  );

  function go(): void {
    const ms = Number(goto.trim());
    if (goto.trim() === '' || !Number.isFinite(ms) || ms < 0) {
      useStore.getState().pushMessage('Enter a simulated time in ms, 0 or more.', 'warning');
      return;
    }
    const target = Math.round(ms / dt);
    if (target > horizon) useStore.getState().pushMessage(`The run has only reached t = ${formatSimTime(horizon * dt)}; moved there.`, 'info');
    void seekTo(Math.min(target, horizon));
  }
}
