/**
 * The part of the WebAssembly JS API the engine's kernels use (the engine's TypeScript library
 * has no DOM or WebAssembly types), and a cache of compiled modules. Modules are tiny and are
 * compiled synchronously (allowed in workers and in Node).
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (desc: { initial: number }) => { buffer: ArrayBuffer };
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const compiled = new Map<Uint8Array, object>();

/**
 * Instantiates `bytes` with a fresh memory of at least `bytes` bytes (imported as env.mem) and
 * the given extra imports; returns the exports and the memory's buffer (never grown, so typed
 * arrays on it stay valid).
 */
export function instantiate(code: Uint8Array, memBytes: number, imports: Record<string, unknown> = {}): { exports: Record<string, unknown>; buffer: ArrayBuffer } {
  let mod = compiled.get(code);
  if (!mod) {
    mod = new wasm.Module(code);
    compiled.set(code, mod);
  }
  const mem = new wasm.Memory({ initial: Math.max(1, Math.ceil(memBytes / 65536)) });
  const inst = new wasm.Instance(mod, { env: { mem, ...imports } });
  return { exports: inst.exports, buffer: mem.buffer };
}
