/**
 * The part of the WebAssembly JS API the engine's kernels use (the engine's TypeScript library
 * has no DOM or WebAssembly types), and a cache of compiled modules. Modules are tiny and are
 * compiled synchronously (allowed in workers and in Node).
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (desc: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** A WebAssembly.Memory (its buffer is a SharedArrayBuffer when created shared). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const compiled = new Map<Uint8Array, object>();

/**
 * Instantiates `bytes` with a fresh memory of at least `bytes` bytes (imported as env.mem) and
 * the given extra imports; returns the exports and the memory's buffer (never grown, so typed
 * arrays on it stay valid).
 */
export function instantiate(code: Uint8Array, memBytes: number, imports: Record<string, unknown> = {}): { exports: Record<string, unknown>; buffer: ArrayBuffer } {
  const mem = createMemory(memBytes, false);
  return { exports: instantiateOn(code, mem, imports), buffer: mem.buffer };
}

/** A memory of at least `bytes` bytes, never grown; `shared`: its buffer is a SharedArrayBuffer. */
export function createMemory(bytes: number, shared: boolean): WasmMemory {
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  return new wasm.Memory(shared ? { initial: pages, maximum: pages, shared: true } : { initial: pages });
}

/** Instantiates `code` on an existing memory (imported as env.mem). */
export function instantiateOn(code: Uint8Array, mem: WasmMemory, imports: Record<string, unknown> = {}): Record<string, unknown> {
  return new wasm.Instance(compileOnce(code), { env: { mem, ...imports } }).exports;
}

/** The module of `code`, compiled once per thread. */
export function compileOnce(code: Uint8Array): WebAssembly.Module {
  let mod = compiled.get(code);
  if (!mod) {
    mod = new wasm.Module(code);
    compiled.set(code, mod);
  }
  return mod;
}

/**
 * Whether shared memory works here: SharedArrayBuffer exists (Node; a browser page only when
 * cross-origin isolated, which the app's COOP/COEP headers give) and a shared memory can be made.
 */
export function sharedMemoryAvailable(): boolean {
  if (sharedOk === null) {
    const g = globalThis as unknown as { SharedArrayBuffer?: unknown; crossOriginIsolated?: boolean };
    try {
      sharedOk = typeof g.SharedArrayBuffer === 'function' && g.crossOriginIsolated !== false
        && createMemory(1, true).buffer instanceof (g.SharedArrayBuffer as new () => ArrayBuffer);
    } catch {
      sharedOk = false;
    }
  }
  return sharedOk;
}

/** sharedMemoryAvailable's answer (it cannot change within a thread's life). */
let sharedOk: boolean | null = null;
