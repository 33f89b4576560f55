/**
 * The spiking LPL rule's per-synapse arrays in WebAssembly memory and its per-synapse step
 * (lplSpikingKernel.wat): the synapse list (CSR by postsynaptic neuron), the presynaptic traces and
 * spike flags, the per-neuron factors f′(U_i) and ē_i, and the eligibility traces and gradient.
 * They are typed-array views of the kernel's memory, so the rule's snapshots and the clamp protocol
 * use them like any other array. The step performs the scalar loop's float64 operations in its order
 * (bit-identical; lplSpikingKernel.test.ts checks it).
 */
import { lplSpikingKernelWasm } from './lplSpikingKernel.wasm';
import { instantiate } from './wasmApi';

type StepFn = (nPost: number, ptr: number, pre: number, p: number, s: number, fp: number, ebar: number, eD: number, eR: number, G: number, aD: number, aR: number, delta: number) => void;

export class LplSpikingKernel {
  /** Post i owns synapses [postPtr[i], postPtr[i+1]); synapse k comes from presynaptic synPre[k]. */
  readonly postPtr: Int32Array;
  readonly synPre: Int32Array;
  /** Presynaptic PSP traces p_j and this step's presynaptic spike flags (0/1). */
  readonly p: Float64Array;
  readonly preS: Uint8Array;
  /** Per postsynaptic neuron: the surrogate f′(U_i) and the filtered error ē_i of this step. */
  readonly fp: Float64Array;
  readonly ebar: Float64Array;
  /** Per synapse: the two eligibility filter stages and the accumulated gradient. */
  readonly eD: Float64Array;
  readonly eR: Float64Array;
  readonly G: Float64Array;
  private readonly run: StepFn;

  constructor(readonly nPre: number, readonly nPost: number, nSyn: number) {
    const sizes = [(nPost + 1) * 4, nSyn * 4, nPre * 8, nPre, nPost * 8, nPost * 8, nSyn * 8, nSyn * 8, nSyn * 8];
    const offsets: number[] = [];
    let at = 0;
    for (const b of sizes) {
      offsets.push(at);
      at += Math.ceil(b / 16) * 16;
    }
    const { exports, buffer } = instantiate(lplSpikingKernelWasm, at);
    this.run = exports.step as StepFn;
    this.postPtr = new Int32Array(buffer, offsets[0], nPost + 1);
    this.synPre = new Int32Array(buffer, offsets[1], nSyn);
    this.p = new Float64Array(buffer, offsets[2], nPre);
    this.preS = new Uint8Array(buffer, offsets[3], nPre);
    this.fp = new Float64Array(buffer, offsets[4], nPost);
    this.ebar = new Float64Array(buffer, offsets[5], nPost);
    this.eD = new Float64Array(buffer, offsets[6], nSyn);
    this.eR = new Float64Array(buffer, offsets[7], nSyn);
    this.G = new Float64Array(buffer, offsets[8], nSyn);
  }

  /** Every synapse: inp = p_j·fp_i; eD ← eD·aD + inp; eR ← eR·aR + inp; G += (eD − eR)·ē_i + (S_j ? δ : 0). */
  step(aD: number, aR: number, delta: number): void {
    this.run(this.nPost, this.postPtr.byteOffset, this.synPre.byteOffset, this.p.byteOffset, this.preS.byteOffset, this.fp.byteOffset,
      this.ebar.byteOffset, this.eD.byteOffset, this.eR.byteOffset, this.G.byteOffset, aD, aR, delta);
  }
}
