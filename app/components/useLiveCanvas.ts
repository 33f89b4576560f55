/**
 * Hook behind the live chart shells: keeps the canvas's CSS size from a ResizeObserver, reads
 * devicePixelRatio at draw time, and redraws on new live data, on resize and after every React
 * render (prop change), coalesced to at most one draw per animation frame. No React state.
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
    const schedule = () => {
      if (raf) return;
      raf = requestAnimationFrame(() => {
        raf = 0;
        if (size.width < 2 || size.height < 2) return;
        drawRef.current(canvas, { width: size.width, height: size.height, dpr: window.devicePixelRatio || 1 });
      });
    };
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
