/**
 * Hook for live canvas charts: sizes the canvas to its container (device-pixel-ratio aware),
 * redraws when new data arrives or the size changes, at most once per animation frame, and
 * never through React state.
 */
import { useEffect, useRef } from 'react';
import { onLiveData } from '../engine/frameBus';

export type DrawFn = (canvas: HTMLCanvasElement, size: { width: number; height: number; dpr: number }) => void;

export function useLiveCanvas(draw: DrawFn) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const drawRef = useRef(draw);
  drawRef.current = draw;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let raf = 0;
    const schedule = () => {
      if (raf) return;
      raf = requestAnimationFrame(() => {
        raf = 0;
        const rect = canvas.getBoundingClientRect();
        if (rect.width < 2 || rect.height < 2) return;
        drawRef.current(canvas, { width: rect.width, height: rect.height, dpr: window.devicePixelRatio || 1 });
      });
    };
    const ro = new ResizeObserver(schedule);
    ro.observe(canvas);
    const off = onLiveData(schedule);
    schedule();
    return () => {
      off();
      ro.disconnect();
      if (raf) cancelAnimationFrame(raf);
    };
  }, []);

  return canvasRef;
}
