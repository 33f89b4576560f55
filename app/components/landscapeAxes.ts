/**
 * Labelled axes for the 3D energy landscape: the two plane axes along the front and left edges of
 * the surface and the energy axis at the back-left corner, each with tick marks, values at the
 * ends and the middle, and a title. Labels are sprites (canvas textures) that always face the camera.
 */
import * as THREE from 'three';
import type { SurfacePlotSpec } from '../../workers/simApi';
import { SURFACE_HEIGHT } from '../charts/surfaceMesh';

const OFF = 1.1;
const TICK = 0.05;

interface Label {
  sprite: THREE.Sprite;
  set(text: string): void;
}

/** A camera-facing text label, `height` scene units tall. */
function makeLabel(height: number, bold = false): Label {
  const canvas = document.createElement('canvas');
  canvas.height = 48;
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  const sprite = new THREE.Sprite(new THREE.SpriteMaterial({ map: texture, depthTest: false, transparent: true }));
  sprite.renderOrder = 10;
  let shown = '';
  return {
    sprite,
    set(text: string) {
      if (text === shown) return;
      shown = text;
      const font = `${bold ? '600 ' : ''}30px system-ui, sans-serif`;
      const ctx = canvas.getContext('2d')!;
      ctx.font = font;
      canvas.width = Math.max(8, Math.ceil(ctx.measureText(text).width) + 12);
      ctx.font = font;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = '#e6edf3';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, canvas.width / 2, canvas.height / 2);
      texture.needsUpdate = true;
      sprite.scale.set((height * canvas.width) / canvas.height, height, 1);
    },
  };
}

const fmt = (v: number) => (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-2) ? v.toExponential(1) : String(Number(v.toPrecision(3))));

export interface LandscapeAxes {
  group: THREE.Group;
  update(spec: SurfacePlotSpec): void;
}

export function createLandscapeAxes(): LandscapeAxes {
  const group = new THREE.Group();
  const pts: number[] = [];
  const seg = (a: [number, number, number], b: [number, number, number]) => pts.push(...a, ...b);
  // Plane axis 1 (columns, x) along the front edge; plane axis 2 (rows, z) along the left edge.
  seg([-1, 0, OFF], [1, 0, OFF]);
  seg([-OFF, 0, -1], [-OFF, 0, 1]);
  // Energy axis, upright at the back-left corner.
  seg([-OFF, 0, -OFF], [-OFF, SURFACE_HEIGHT, -OFF]);
  for (const t of [-1, 0, 1]) {
    seg([t, 0, OFF], [t, 0, OFF + TICK]);
    seg([-OFF, 0, t], [-OFF - TICK, 0, t]);
  }
  for (const h of [0, 0.5, 1]) seg([-OFF, h * SURFACE_HEIGHT, -OFF], [-OFF - TICK, h * SURFACE_HEIGHT, -OFF - TICK]);
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3));
  group.add(new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ color: 0xc9d2db })));

  const place = (l: Label, x: number, y: number, z: number) => {
    l.sprite.position.set(x, y, z);
    group.add(l.sprite);
    return l;
  };
  const xTicks = [-1, 0, 1].map((t) => place(makeLabel(0.15), t, 0, OFF + 0.17));
  const zTicks = [-1, 0, 1].map((t) => place(makeLabel(0.15), -OFF - 0.3, 0, t));
  const eTicks = [0, 0.5, 1].map((h) => place(makeLabel(0.15), -OFF - 0.3, h * SURFACE_HEIGHT, -OFF - 0.12));
  const xTitle = place(makeLabel(0.13, true), 0.2, -0.02, OFF + 0.5);
  const zTitle = place(makeLabel(0.13, true), -OFF - 0.75, -0.02, 0.3);
  const eTitle = place(makeLabel(0.15, true), -OFF, SURFACE_HEIGHT + 0.3, -OFF);

  return {
    group,
    update(spec) {
      const lerp = (e: [number, number], t: number) => e[0] + ((t + 1) / 2) * (e[1] - e[0]);
      xTicks.forEach((l, k) => l.set(fmt(lerp(spec.xExtent, k - 1))));
      zTicks.forEach((l, k) => l.set(fmt(lerp(spec.yExtent, k - 1))));
      eTicks.forEach((l, k) => l.set(fmt(spec.range[0] + (k / 2) * (spec.range[1] - spec.range[0]))));
      xTitle.set(spec.xLabel);
      zTitle.set(spec.yLabel);
      eTitle.set(spec.valueLabel);
    },
  };
}
