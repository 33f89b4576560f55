/** DrawScheduler on a fake clock, fake animation frames and fake timers. */
import { describe, expect, it } from 'vitest';
import { DrawScheduler, OFFSCREEN_MS } from './drawScheduler';

function rig() {
  let now = 0, nextId = 1;
  const frames = new Map<number, () => void>();
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let draws = 0;
  const sched = new DrawScheduler(
    {
      now: () => now,
      frame: (fn) => (frames.set(nextId, fn), nextId++),
      cancelFrame: (id) => frames.delete(id),
      timeout: (fn, ms) => (timers.push({ at: now + ms, fn, id: nextId }), nextId++),
      clearTimeout: (id) => timers.splice(timers.findIndex((t) => t.id === id), 1),
    },
    () => draws++,
  );
  /** Advances 16 ms: due timers fire, then the pending animation frames run. */
  const tick = () => {
    now += 16;
    for (const t of timers.filter((t) => t.at <= now)) (timers.splice(timers.indexOf(t), 1), t.fn());
    const fs = [...frames.values()];
    frames.clear();
    fs.forEach((f) => f());
  };
  /** `ms` of frames with new data before each. */
  const play = (ms: number) => {
    for (let t = 0; t < ms; t += 16) (sched.schedule(), tick());
  };
  return { sched, tick, play, draws: () => draws, timers };
}

describe('DrawScheduler', () => {
  it('in view: one draw per frame with new data, none without', () => {
    const r = rig();
    r.play(160);
    expect(r.draws()).toBe(10);
    for (let i = 0; i < 10; i++) r.tick();
    expect(r.draws()).toBe(10);
  });

  it(`out of view: at most one draw per ${OFFSCREEN_MS} ms, and a held draw still comes when the data stops`, () => {
    const r = rig();
    r.play(16);
    r.sched.setVisible(false);
    const before = r.draws();
    r.play(2000);
    const n = r.draws() - before;
    expect(n).toBeGreaterThanOrEqual(Math.floor(2000 / OFFSCREEN_MS) - 1);
    expect(n).toBeLessThanOrEqual(Math.ceil(2000 / OFFSCREEN_MS) + 1);
    // New data arrived after the last draw: it is drawn within OFFSCREEN_MS without more data.
    r.sched.schedule();
    const last = r.draws();
    for (let t = 0; t < OFFSCREEN_MS + 50; t += 16) r.tick();
    expect(r.draws()).toBe(last + 1);
    expect(r.timers.length).toBe(0);
  });

  it('back in view or flushed: a held draw happens at once', () => {
    const r = rig();
    r.play(16);
    r.sched.setVisible(false);
    r.play(100);
    const held = r.draws();
    r.sched.flush();
    expect(r.draws()).toBe(held + 1);
    r.sched.flush(); // nothing held now
    expect(r.draws()).toBe(held + 1);
    r.play(100);
    const held2 = r.draws();
    r.sched.setVisible(true);
    r.tick();
    expect(r.draws()).toBe(held2 + 1);
  });

  it('dispose cancels what is pending', () => {
    const r = rig();
    r.sched.setVisible(false);
    r.play(16);
    r.play(100);
    r.sched.dispose();
    expect(r.timers.length).toBe(0);
    const n = r.draws();
    for (let t = 0; t < 1000; t += 16) r.tick();
    expect(r.draws()).toBe(n);
  });
});
