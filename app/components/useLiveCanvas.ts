/**
 * Hook behind the live chart shells: keeps the canvas's CSS size from a ResizeObserver, reads
 * devicePixelRatio at draw time, and redraws on new live data, on resize and after every React
 * render (prop change), coalesced to at most one draw per animation frame. No React state.
 *
 * A chart scrolled out of view (IntersectionObserver) is redrawn at most every OFFSCREEN_MS, and
 * at once when it comes back into view or is exported (flushCanvas); drawScheduler.ts decides.
 * On a 1024×768 screen four of fokker-planck's six charts lie below the fold; drawing them all
 * every frame took most of the page thread's script time on 2 vCPUs.
 */
import { useEffect, useRef } from 'react';
import { onLiveData } from '../engine/frameBus';
import { DrawScheduler } from './drawScheduler';

export { OFFSCREEN_MS } from './drawScheduler';

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
  dpr: number;
}

export type DrawFn = (canvas: HTMLCanvasElement, size: CanvasSize) => void;

const flushers = new WeakMap<HTMLCanvasElement, () => void>();

/** Draws `canvas` now if a draw was held back while it was out of view (before it is exported). */
export function flushCanvas(canvas: HTMLCanvasElement): void {
  flushers.get(canvas)?.();
}

export function useLiveCanvas(draw: DrawFn) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const drawRef = useRef(draw);
  const scheduleRef = useRef<(() => void) | null>(null);
  drawRef.current = draw;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const size = { width: canvas.clientWidth, height: canvas.clientHeight };
    const sched = new DrawScheduler(
      {
        now: () => performance.now(),
        frame: (fn) => requestAnimationFrame(fn),
        cancelFrame: (id) => cancelAnimationFrame(id),
        timeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
      },
      () => {
        if (size.width < 2 || size.height < 2) return;
        drawRef.current(canvas, { width: size.width, height: size.height, dpr: window.devicePixelRatio || 1 });
      },
    );
    const schedule = () => sched.schedule();
    const io = new IntersectionObserver((entries) => sched.setVisible(entries[entries.length - 1].isIntersecting));
    io.observe(canvas);
    flushers.set(canvas, () => sched.flush());
    const ro = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      size.width = box.width;
      size.height = box.height;
      schedule();
    });
    ro.observe(canvas);
    const off = onLiveData(schedule);
    scheduleRef.current = schedule;
    schedule();
    return () => {
      scheduleRef.current = null;
      off();
      ro.disconnect();
      io.disconnect();
      flushers.delete(canvas);
      sched.dispose();
    };
  }, []);

  // Props changed (e.g. windowMs): redraw with the new closure even while paused.
  useEffect(() => {
    scheduleRef.current?.();
  });

  return canvasRef;
}

/** "1 s", "0.5 s", "250 ms": a window length for captions. */
export function windowLabel(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(2))} s` : `${Math.round(ms)} ms`;
}
