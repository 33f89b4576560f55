;; Exact LIF step (neurons/lif.ts) for four neurons at a time with 128-bit SIMD, in float64 with the
;; same operations in the same order as the scalar formula, so results are bit-identical:
;;   ge' = ge·a_e,  gi' = gi·a_i
;;   refractory (refr > 0):  refr' = refr − 1,  V' = V_r
;;   otherwise:  V* = ((E_L + (V − E_L)·a_m) + ge·k_e) + gi·k_i;  V* ≥ θ → V' = V_r, refr' = refSteps, spike
;;                                                                  else  V' = V*
;; or, for the conductance-based group ($cond = 1, neurons/condLif.ts, forward Euler with the
;; conductances at the start of the step):
;;               V* = V + k·((((E_L − V) + ge·(E_e − V)) + gi·(E_i − V)) + I_b)
;; Memory (imported, one per group): v, ge, gi (f64), refr, spikes (i32), each array padded to a
;; multiple of 4 neurons; the padding neurons have V = −∞ and never spike.
;; Assembled at install time by scripts/build-wasm.mjs (wabt) into lifKernel.wasm.ts.
(module
  (import "env" "mem" (memory 1))
  (func (export "integrate")
    (param $quads i32) (param $vp i32) (param $gep i32) (param $gip i32) (param $rp i32) (param $sp i32)
    (param $el f64) (param $am f64) (param $ae f64) (param $ai f64) (param $ke f64) (param $ki f64)
    (param $vth f64) (param $vr f64) (param $refSteps i32)
    (param $cond i32) (param $k f64) (param $ee f64) (param $ei f64) (param $ib f64)
    (result i32)
    (local $q i32) (local $count i32) (local $bits i32) (local $lane i32)
    (local $elv v128) (local $amv v128) (local $aev v128) (local $aiv v128) (local $kev v128) (local $kiv v128)
    (local $vthv v128) (local $vrv v128) (local $refv v128)
    (local $r v128) (local $isRef v128) (local $e0 v128) (local $e1 v128) (local $g0 v128) (local $g1 v128)
    (local $x0 v128) (local $x1 v128) (local $spike v128) (local $hold v128)
    (local $kv v128) (local $eev v128) (local $eiv v128) (local $ibv v128) (local $v0 v128) (local $v1 v128)
    (local.set $elv (f64x2.splat (local.get $el)))
    (local.set $amv (f64x2.splat (local.get $am)))
    (local.set $aev (f64x2.splat (local.get $ae)))
    (local.set $aiv (f64x2.splat (local.get $ai)))
    (local.set $kev (f64x2.splat (local.get $ke)))
    (local.set $kiv (f64x2.splat (local.get $ki)))
    (local.set $vthv (f64x2.splat (local.get $vth)))
    (local.set $vrv (f64x2.splat (local.get $vr)))
    (local.set $refv (i32x4.splat (local.get $refSteps)))
    (local.set $kv (f64x2.splat (local.get $k)))
    (local.set $eev (f64x2.splat (local.get $ee)))
    (local.set $eiv (f64x2.splat (local.get $ei)))
    (local.set $ibv (f64x2.splat (local.get $ib)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $quads)))
        ;; refractory mask (all ones where refr > 0) and the decremented counter
        (local.set $r (v128.load (local.get $rp)))
        (local.set $isRef (i32x4.gt_s (local.get $r) (v128.const i32x4 0 0 0 0)))
        (local.set $r (i32x4.add (local.get $r) (local.get $isRef)))
        ;; currents: read, decay, store
        (local.set $e0 (v128.load (local.get $gep)))
        (local.set $e1 (v128.load offset=16 (local.get $gep)))
        (local.set $g0 (v128.load (local.get $gip)))
        (local.set $g1 (v128.load offset=16 (local.get $gip)))
        (v128.store (local.get $gep) (f64x2.mul (local.get $e0) (local.get $aev)))
        (v128.store offset=16 (local.get $gep) (f64x2.mul (local.get $e1) (local.get $aev)))
        (v128.store (local.get $gip) (f64x2.mul (local.get $g0) (local.get $aiv)))
        (v128.store offset=16 (local.get $gip) (f64x2.mul (local.get $g1) (local.get $aiv)))
        ;; candidate membrane potentials
        (local.set $v0 (v128.load (local.get $vp)))
        (local.set $v1 (v128.load offset=16 (local.get $vp)))
        (if (local.get $cond)
          (then
            (local.set $x0 (f64x2.add (local.get $v0) (f64x2.mul (local.get $kv)
              (f64x2.add
                (f64x2.add
                  (f64x2.add (f64x2.sub (local.get $elv) (local.get $v0)) (f64x2.mul (local.get $e0) (f64x2.sub (local.get $eev) (local.get $v0))))
                  (f64x2.mul (local.get $g0) (f64x2.sub (local.get $eiv) (local.get $v0))))
                (local.get $ibv)))))
            (local.set $x1 (f64x2.add (local.get $v1) (f64x2.mul (local.get $kv)
              (f64x2.add
                (f64x2.add
                  (f64x2.add (f64x2.sub (local.get $elv) (local.get $v1)) (f64x2.mul (local.get $e1) (f64x2.sub (local.get $eev) (local.get $v1))))
                  (f64x2.mul (local.get $g1) (f64x2.sub (local.get $eiv) (local.get $v1))))
                (local.get $ibv))))))
          (else
            (local.set $x0
              (f64x2.add
                (f64x2.add
                  (f64x2.add (local.get $elv)
                    (f64x2.mul (f64x2.sub (local.get $v0) (local.get $elv)) (local.get $amv)))
                  (f64x2.mul (local.get $e0) (local.get $kev)))
                (f64x2.mul (local.get $g0) (local.get $kiv))))
            (local.set $x1
              (f64x2.add
                (f64x2.add
                  (f64x2.add (local.get $elv)
                    (f64x2.mul (f64x2.sub (local.get $v1) (local.get $elv)) (local.get $amv)))
                  (f64x2.mul (local.get $e1) (local.get $kev)))
                (f64x2.mul (local.get $g1) (local.get $kiv))))))
        ;; spike = (V* ≥ θ) and not refractory; the two 64-bit masks narrowed to one i32x4 mask
        (local.set $spike
          (v128.andnot
            (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              (f64x2.ge (local.get $x0) (local.get $vthv))
              (f64x2.ge (local.get $x1) (local.get $vthv)))
            (local.get $isRef)))
        (local.set $hold (v128.or (local.get $isRef) (local.get $spike)))
        (v128.store (local.get $vp)
          (v128.bitselect (local.get $vrv) (local.get $x0) (i64x2.extend_low_i32x4_s (local.get $hold))))
        (v128.store offset=16 (local.get $vp)
          (v128.bitselect (local.get $vrv) (local.get $x1) (i64x2.extend_high_i32x4_s (local.get $hold))))
        (v128.store (local.get $rp) (v128.bitselect (local.get $refv) (local.get $r) (local.get $spike)))
        ;; rare: append the spiking neurons' indices in ascending order
        (if (v128.any_true (local.get $spike))
          (then
            (local.set $bits (i32x4.bitmask (local.get $spike)))
            (loop $lanes
              (local.set $lane (i32.ctz (local.get $bits)))
              (i32.store
                (i32.add (local.get $sp) (i32.shl (local.get $count) (i32.const 2)))
                (i32.add (i32.shl (local.get $q) (i32.const 2)) (local.get $lane)))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))
              (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
              (br_if $lanes (local.get $bits)))))
        (local.set $vp (i32.add (local.get $vp) (i32.const 32)))
        (local.set $gep (i32.add (local.get $gep) (i32.const 32)))
        (local.set $gip (i32.add (local.get $gip) (i32.const 32)))
        (local.set $rp (i32.add (local.get $rp) (i32.const 16)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
    (local.get $count))
)
