/**
 * Hook behind the live chart shells: keeps the canvas's CSS size from a ResizeObserver, reads
 * devicePixelRatio at draw time, and redraws on new live data, on resize and after every React
 * render (prop change), coalesced to at most one draw per animation frame. No React state.
 *
 * A chart scrolled out of view (IntersectionObserver) is redrawn at most every OFFSCREEN_MS, and
 * at once when it comes back into view or is exported (flushCanvas). On a 1024×768 screen most of
 * fokker-planck's six charts lie below the fold; drawing them all 60 times a second took the
 * page's thread (and the compositor's copies of their canvases) a whole core on 2 vCPUs.
 */
import { useEffect, useRef } from 'react';
import { onLiveData } from '../engine/frameBus';

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
  dpr: number;
}

export type DrawFn = (canvas: HTMLCanvasElement, size: CanvasSize) => void;

/** Longest time between two draws of a chart out of view (ms). */
export const OFFSCREEN_MS = 500;

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
    let raf = 0;
    let visible = true;
    let held = false;
    let lastDraw = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const drawNow = () => {
      held = false;
      if (size.width < 2 || size.height < 2) return;
      lastDraw = performance.now();
      drawRef.current(canvas, { width: size.width, height: size.height, dpr: window.devicePixelRatio || 1 });
    };
    const schedule = () => {
      if (raf) return;
      raf = requestAnimationFrame(() => {
        raf = 0;
        const wait = visible ? 0 : lastDraw + OFFSCREEN_MS - performance.now();
        if (wait <= 0) return drawNow();
        // Out of view: hold the draw back, and make sure one happens later even if no data comes.
        held = true;
        if (timer === undefined) timer = setTimeout(() => ((timer = undefined), schedule()), wait);
      });
    };
    const io = new IntersectionObserver((entries) => {
      visible = entries[entries.length - 1].isIntersecting;
      if (visible && held) schedule();
    });
    io.observe(canvas);
    flushers.set(canvas, () => {
      if (held) drawNow();
    });
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
      if (timer !== undefined) clearTimeout(timer);
      if (raf) cancelAnimationFrame(raf);
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
