;; Exact LIF step (neurons/lif.ts) in float32, eight neurons per iteration as two float32x4 halves:
;;   ge' = ge·a_e,  gi' = gi·a_i
;;   refractory (step ≤ until):  V' = V_r
;;   otherwise:  V* = ((V·a_m + c) + ge·k_e) + gi·k_i  with c = E_L·(1 − a_m) (the propagator of the
;;               float64 step, E_L + (V − E_L)·a_m, with E_L folded into one constant);
;;               V* ≥ θ → V' = V_r, until' = step + refSteps, spike;  else V' = V*
;; A neuron that spikes at step n is held at V_r for steps n+1 … n+refSteps, as with the float64
;; group's counter; keeping the last refractory step instead of a counter means a neuron's entry
;; is written only when it spikes.
;; Every operation rounds to float32 (IEEE-754 binary32, round to nearest even): WebAssembly
;; defines these results exactly, so the step is bit-identical in every engine.
;; Memory (imported, one per group; offsets are constants so that one index register addresses
;; every array, which keeps V8's register allocator from spilling inside the loop):
;;   0      constants, eight float32x4 splats: c, a_m, a_e, a_i, k_e, k_i, θ, V_r
;;   V  = 1 MiB        v      (f32)     GE = 2 MiB + 64    ge (f32)     GI = 3 MiB + 128   gi (f32)
;;   U  = 4 MiB + 192  until  (i32)     S  = 5 MiB + 256   spikes (i32)
;; (the small skews keep the arrays off the same cache sets). At most 262,080 neurons per group;
;; arrays are padded to a multiple of 8 neurons, and the padding neurons are refractory for good.
;; flush(end) sets every |ge|, |gi| < 2^−100 (≈ 8·10^−31 mV) to zero. The group calls it every 16
;; steps: a current that small cannot move V at float32 precision, but left alone it decays into
;; the subnormal range, where x86 processors take ~100 times longer per operation.
;; Assembled at install time by scripts/build-wasm.mjs (wabt) into lifKernel32.wasm.ts.
(module
  (import "env" "mem" (memory 1))
  (func (export "integrate") (param $end i32) (param $step i32) (param $refSteps i32) (result i32)
    (local $i i32) (local $count i32) (local $bits i32) (local $lane i32) (local $until i32)
    (local $stepv v128) (local $ref0 v128) (local $ref1 v128)
    (local $e0 v128) (local $e1 v128) (local $g0 v128) (local $g1 v128)
    (local $x0 v128) (local $x1 v128) (local $s0 v128) (local $s1 v128)
    (local.set $stepv (i32x4.splat (i32.sub (local.get $step) (i32.const 1))))
    (local.set $until (i32.add (local.get $step) (local.get $refSteps)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        ;; refractory masks (all ones where until > step − 1)
        (local.set $ref0 (i32x4.gt_s (v128.load offset=4194496 (local.get $i)) (local.get $stepv)))
        (local.set $ref1 (i32x4.gt_s (v128.load offset=4194512 (local.get $i)) (local.get $stepv)))
        ;; currents: read, decay, store
        (local.set $e0 (v128.load offset=2097216 (local.get $i)))
        (local.set $e1 (v128.load offset=2097232 (local.get $i)))
        (local.set $g0 (v128.load offset=3145856 (local.get $i)))
        (local.set $g1 (v128.load offset=3145872 (local.get $i)))
        (v128.store offset=2097216 (local.get $i) (f32x4.mul (local.get $e0) (v128.load offset=32 (i32.const 0))))
        (v128.store offset=2097232 (local.get $i) (f32x4.mul (local.get $e1) (v128.load offset=32 (i32.const 0))))
        (v128.store offset=3145856 (local.get $i) (f32x4.mul (local.get $g0) (v128.load offset=48 (i32.const 0))))
        (v128.store offset=3145872 (local.get $i) (f32x4.mul (local.get $g1) (v128.load offset=48 (i32.const 0))))
        ;; candidate membrane potentials
        (local.set $x0 (f32x4.add (f32x4.add (f32x4.add
          (f32x4.mul (v128.load offset=1048576 (local.get $i)) (v128.load offset=16 (i32.const 0)))
          (v128.load (i32.const 0)))
          (f32x4.mul (local.get $e0) (v128.load offset=64 (i32.const 0))))
          (f32x4.mul (local.get $g0) (v128.load offset=80 (i32.const 0)))))
        (local.set $x1 (f32x4.add (f32x4.add (f32x4.add
          (f32x4.mul (v128.load offset=1048592 (local.get $i)) (v128.load offset=16 (i32.const 0)))
          (v128.load (i32.const 0)))
          (f32x4.mul (local.get $e1) (v128.load offset=64 (i32.const 0))))
          (f32x4.mul (local.get $g1) (v128.load offset=80 (i32.const 0)))))
        ;; spike = (V* ≥ θ) and not refractory
        (local.set $s0 (v128.andnot (f32x4.ge (local.get $x0) (v128.load offset=96 (i32.const 0))) (local.get $ref0)))
        (local.set $s1 (v128.andnot (f32x4.ge (local.get $x1) (v128.load offset=96 (i32.const 0))) (local.get $ref1)))
        (v128.store offset=1048576 (local.get $i)
          (v128.bitselect (v128.load offset=112 (i32.const 0)) (local.get $x0) (v128.or (local.get $ref0) (local.get $s0))))
        (v128.store offset=1048592 (local.get $i)
          (v128.bitselect (v128.load offset=112 (i32.const 0)) (local.get $x1) (v128.or (local.get $ref1) (local.get $s1))))
        ;; rare: append the spiking neurons' indices in ascending order and start their refractory time
        (if (v128.any_true (v128.or (local.get $s0) (local.get $s1)))
          (then
            (local.set $bits (i32.or (i32x4.bitmask (local.get $s0))
              (i32.shl (i32x4.bitmask (local.get $s1)) (i32.const 4))))
            (loop $lanes
              (local.set $lane (i32.add (local.get $i) (i32.shl (i32.ctz (local.get $bits)) (i32.const 2))))
              (i32.store offset=5243136 (i32.shl (local.get $count) (i32.const 2)) (i32.shr_u (local.get $lane) (i32.const 2)))
              (i32.store offset=4194496 (local.get $lane) (local.get $until))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))
              (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
              (br_if $lanes (local.get $bits)))))
        (local.set $i (i32.add (local.get $i) (i32.const 32)))
        (br $next)))
    (local.get $count))
  (func (export "flush") (param $end i32)
    (local $i i32) (local $x v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $x (v128.load offset=2097216 (local.get $i)))
        (v128.store offset=2097216 (local.get $i) (v128.and (local.get $x)
          (f32x4.ge (f32x4.abs (local.get $x)) (v128.const f32x4 0x1p-100 0x1p-100 0x1p-100 0x1p-100))))
        (local.set $x (v128.load offset=3145856 (local.get $i)))
        (v128.store offset=3145856 (local.get $i) (v128.and (local.get $x)
          (f32x4.ge (f32x4.abs (local.get $x)) (v128.const f32x4 0x1p-100 0x1p-100 0x1p-100 0x1p-100))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))
)
