/**
 * When a live chart redraws: at most once per animation frame while it is in view, at most every
 * OFFSCREEN_MS while it is scrolled out of view (a held draw still happens then, even if no new
 * data arrives), at once when it comes back into view, and on flush() (before an export) if a draw
 * was held. The browser's clock, animation frames and timers are passed in, so tests drive it.
 */

/** Longest time between two draws of a chart out of view (ms). */
export const OFFSCREEN_MS = 500;

export interface SchedulerHost {
  now(): number;
  frame(fn: () => void): number;
  cancelFrame(id: number): void;
  timeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export class DrawScheduler {
  private raf = 0;
  private visible = true;
  private held = false;
  private lastDraw = -Infinity;
  private timer: unknown = undefined;

  constructor(private readonly host: SchedulerHost, private readonly draw: () => void) {}

  /** New data, a resize or new props: draw at the next frame (or later, out of view). */
  schedule(): void {
    if (this.raf) return;
    this.raf = this.host.frame(() => {
      this.raf = 0;
      const wait = this.visible ? 0 : this.lastDraw + OFFSCREEN_MS - this.host.now();
      if (wait <= 0) return this.drawNow();
      this.held = true;
      if (this.timer === undefined) {
        this.timer = this.host.timeout(() => {
          this.timer = undefined;
          this.schedule();
        }, wait);
      }
    });
  }

  /** The chart entered or left the view. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.held) this.schedule();
  }

  /** Draws now if a draw was held back (the canvas must show the latest data, e.g. to be exported). */
  flush(): void {
    if (this.held) this.drawNow();
  }

  dispose(): void {
    if (this.timer !== undefined) this.host.clearTimeout(this.timer);
    if (this.raf) this.host.cancelFrame(this.raf);
    this.timer = undefined;
    this.raf = 0;
  }

  private drawNow(): void {
    this.held = false;
    this.lastDraw = this.host.now();
    this.draw();
  }
}
