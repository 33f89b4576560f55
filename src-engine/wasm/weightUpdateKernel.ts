/**
 * A dense float32 weight matrix in WebAssembly memory with its rank-one decay update
 * (weightUpdateKernel.wat): W ← f32(W·decay + g_r·x_c), four weights per SIMD step, bit-identical
 * to the scalar loop (weightUpdateKernel.test.ts). The matrix, the input row x and the row factors
 * g are typed-array views of the kernel's memory, so the rest of the engine (snapshots, charts,
 * forward passes) uses them like any other array.
 */
import { weightUpdateKernelWasm } from './weightUpdateKernel.wasm';
import { instantiate } from './wasmApi';

type DecayAddFn = (rows: number, cols: number, w: number, g: number, x: number, decay: number) => void;

export class DenseWeights {
  /** rows × cols, row-major. */
  readonly W: Float32Array;
  /** The input row of the next update (cols values). */
  readonly x: Float32Array;
  /** The row factors of the next update (rows values). */
  readonly g: Float64Array;
  private readonly run: DecayAddFn;

  constructor(readonly rows: number, readonly cols: number) {
    const wBytes = align(rows * cols * 4), xBytes = align(cols * 4);
    const { exports, buffer } = instantiate(weightUpdateKernelWasm, wBytes + xBytes + rows * 8);
    this.run = exports.decayAdd as DecayAddFn;
    this.W = new Float32Array(buffer, 0, rows * cols);
    this.x = new Float32Array(buffer, wBytes, cols);
    this.g = new Float64Array(buffer, wBytes + xBytes, rows);
  }

  /** W[r·cols + c] ← f32(W[r·cols + c]·decay + g[r]·x[c]) with the current x and g. */
  decayAdd(decay: number): void {
    this.run(this.rows, this.cols, this.W.byteOffset, this.g.byteOffset, this.x.byteOffset, decay);
  }
}

const align = (n: number) => Math.ceil(n / 16) * 16;
