/**
 * The 3D view of a 'surface' plot (an energy landscape): the surface coloured by value, the current
 * state as a ball with its recent trajectory, orbit controls and a colour legend. Loaded lazily
 * (three.js stays out of the main bundle). New data does not re-render React: the frame bus
 * listener mutates the buffer attributes, moves the ball, rewrites the legend text and calls
 * invalidate() (frameloop "demand": nothing is drawn while nothing changes).
 */
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { Component, useEffect, useMemo, useRef, type ReactNode } from 'react';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { SurfacePlotSpec } from '../../workers/simApi';
import { fillSurface, fillTrajectory, surfaceIndex, surfacePoint, viridisGradient } from '../charts/surfaceMesh';
import { live, onLiveData } from '../engine/frameBus';
import { ChartFigure } from './ChartFigure';
import { createLandscapeAxes } from './landscapeAxes';

const MAX_TRAJECTORY = 512;
/** Camera distance from the centre in a wide view (scene units; the surface spans 2 × 2). */
const CAMERA_DISTANCE = 4.2;
const BALL_RADIUS = 0.045;

/** Legend and test-hook elements the scene writes into directly. */
interface Overlay {
  root: HTMLDivElement | null;
  hi: HTMLSpanElement | null;
  lo: HTMLSpanElement | null;
  axes: HTMLDivElement | null;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/** The scene objects, created once and mutated on every new spec. */
function useLandscapeObjects() {
  return useMemo(() => {
    const geometry = new THREE.BufferGeometry();
    const surface = new THREE.Mesh(geometry, new THREE.MeshLambertMaterial({ vertexColors: true, side: THREE.DoubleSide }));
    const wire = new THREE.Mesh(geometry, new THREE.MeshBasicMaterial({ color: 0xffffff, wireframe: true, transparent: true, opacity: 0.12 }));
    const ball = new THREE.Mesh(new THREE.SphereGeometry(BALL_RADIUS, 24, 16), new THREE.MeshLambertMaterial({ color: 0xe8433a, emissive: 0x551111 }));
    const pathGeometry = new THREE.BufferGeometry();
    pathGeometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(3 * MAX_TRAJECTORY), 3));
    const path = new THREE.Line(pathGeometry, new THREE.LineBasicMaterial({ color: 0xffffff }));
    const frame = new THREE.LineSegments(new THREE.EdgesGeometry(new THREE.BoxGeometry(2, 0.001, 2)), new THREE.LineBasicMaterial({ color: 0x8a96a3 }));
    frame.position.y = -0.002;
    const axes = createLandscapeAxes();
    const group = new THREE.Group();
    group.add(surface, wire, ball, path, frame, axes.group);
    group.position.y = -0.35;
    return { group, geometry, ball, path, pathGeometry, axes, size: { w: 0, h: 0 } };
  }, []);
}

type Objects = ReturnType<typeof useLandscapeObjects>;

/** Writes a spec into the scene objects and the overlay. */
function applySpec(o: Objects, spec: SurfacePlotSpec, overlay: Overlay): void {
  const { geometry } = o;
  if (o.size.w !== spec.width || o.size.h !== spec.height) {
    const n = spec.width * spec.height;
    geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(3 * n), 3));
    geometry.setAttribute('color', new THREE.BufferAttribute(new Float32Array(3 * n), 3));
    geometry.setIndex(new THREE.BufferAttribute(surfaceIndex(spec.width, spec.height), 1));
    o.size = { w: spec.width, h: spec.height };
  }
  const pos = geometry.getAttribute('position') as THREE.BufferAttribute;
  const col = geometry.getAttribute('color') as THREE.BufferAttribute;
  fillSurface(spec, pos.array as Float32Array, col.array as Float32Array);
  pos.needsUpdate = true;
  col.needsUpdate = true;
  geometry.computeVertexNormals();
  geometry.computeBoundingSphere();
  const [x, y, z] = surfacePoint(spec, spec.ball.x, spec.ball.y, spec.ball.value);
  o.ball.position.set(x, y + BALL_RADIUS, z);
  const pathPos = o.pathGeometry.getAttribute('position') as THREE.BufferAttribute;
  o.pathGeometry.setDrawRange(0, fillTrajectory(spec, pathPos.array as Float32Array, 0.012));
  pathPos.needsUpdate = true;
  o.pathGeometry.computeBoundingSphere();
  o.axes.update(spec);
  if (overlay.hi) overlay.hi.textContent = fmt(spec.range[1]);
  if (overlay.lo) overlay.lo.textContent = fmt(spec.range[0]);
  if (overlay.axes) overlay.axes.textContent = `red ball: the state now, ${spec.valueLabel} = ${fmt(spec.ball.value)} · white: its recent path · drag to orbit`;
  if (overlay.root) {
    let peak = 0;
    for (const v of spec.values) if (Number.isFinite(v)) peak = Math.max(peak, Math.abs(v));
    overlay.root.setAttribute('data-peak', String(peak));
    overlay.root.setAttribute('data-range', `${spec.range[0]},${spec.range[1]}`);
    overlay.root.setAttribute('data-title', spec.title);
  }
}

/** Subscribes to new plot data and orbit changes; everything else is three.js state. */
function Scene({ id, overlay }: { id: string; overlay: Overlay }) {
  const o = useLandscapeObjects();
  const { camera, gl, invalidate, size } = useThree();
  // Narrow views (a tall chart, a phone) need the camera further back to keep the axes in view.
  useEffect(() => {
    const aspect = size.width / Math.max(1, size.height);
    camera.position.setLength(CAMERA_DISTANCE * Math.max(1, 1.1 / aspect));
    invalidate();
  }, [camera, size.width, size.height, invalidate]);
  useEffect(() => {
    const controls = new OrbitControls(camera, gl.domElement);
    controls.enableDamping = false;
    controls.maxPolarAngle = Math.PI * 0.49;
    controls.addEventListener('change', () => invalidate());
    return () => controls.dispose();
  }, [camera, gl, invalidate]);
  useEffect(() => {
    let last: SurfacePlotSpec | null = null;
    const update = () => {
      const spec = live.plots.find((p) => p.id === id);
      if (!spec || spec.kind !== 'surface' || spec === last) return;
      last = spec;
      applySpec(o, spec, overlay);
      invalidate();
    };
    update();
    return onLiveData(update);
  }, [id, o, overlay, invalidate]);
  // Runs in the animation frame that draws the scene: data-drawn names the data on screen, so a
  // test (or a screenshot) can wait for what is drawn rather than for what has arrived.
  useFrame(() => {
    if (overlay.root) overlay.root.setAttribute('data-drawn', overlay.root.getAttribute('data-range') ?? '');
  });
  return (
    <>
      <ambientLight intensity={0.9} />
      <directionalLight position={[2, 4, 1.5]} intensity={1.6} />
      <primitive object={o.group} />
    </>
  );
}

function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

class WebGLBoundary extends Component<{ children: ReactNode }, { failed: string | null }> {
  override state = { failed: null as string | null };
  static getDerivedStateFromError(e: Error) {
    return { failed: e.message };
  }
  override render() {
    return this.state.failed ? <p className="muted">The 3D view could not start ({this.state.failed}).</p> : this.props.children;
  }
}

export default function EnergyLandscape({ id, title }: { id: string; title: string }) {
  const overlay = useRef<Overlay>({ root: null, hi: null, lo: null, axes: null }).current;
  const gl = useMemo(webglAvailable, []);
  return (
    <ChartFigure id={id} caption={title} title={title} className="plot-3d">
      <div ref={(el) => void (overlay.root = el)} className="surface-box" data-testid={`plot-canvas-${id}`} data-peak="0" role="img" aria-label={`${title} (drag to orbit, scroll to zoom)`} style={{ position: 'relative', width: '100%', height: 'var(--chart-h, 360px)', background: '#14202b', borderRadius: 4 }}>
        {gl ? (
          <WebGLBoundary>
            <Canvas frameloop="demand" dpr={[1, 2]} camera={{ position: [2.5, 2.3, 3.1], fov: 40 }} gl={{ preserveDrawingBuffer: true, antialias: true }}>
              <Scene id={id} overlay={overlay} />
            </Canvas>
          </WebGLBoundary>
        ) : (
          <p className="muted" style={{ color: '#c9d2db', padding: 12 }}>This view needs WebGL, which the browser does not offer.</p>
        )}
        <div style={{ position: 'absolute', right: 10, top: 10, bottom: 34, width: 44, display: 'flex', flexDirection: 'column', alignItems: 'center', color: '#e6edf3', font: '11px system-ui, sans-serif', pointerEvents: 'none' }}>
          <span ref={(el) => void (overlay.hi = el)}>–</span>
          <div style={{ flex: 1, width: 12, margin: '4px 0', background: viridisGradient(), borderRadius: 2 }} />
          <span ref={(el) => void (overlay.lo = el)}>–</span>
          <span style={{ marginTop: 2, textAlign: 'center' }}>energy E</span>
        </div>
        <div ref={(el) => void (overlay.axes = el)} style={{ position: 'absolute', left: 10, bottom: 8, right: 64, color: '#c9d2db', font: '11px system-ui, sans-serif', pointerEvents: 'none' }} />
      </div>
    </ChartFigure>
  );
}
