;; Rank-one update of a dense float32 weight matrix with decay, in float64 arithmetic rounded to
;; float32 on store, four weights at a time with 128-bit SIMD (a scalar step for the last columns):
;;
;;   W[r·cols + c] = f32( f64(W[r·cols + c])·decay + g[r]·f64(x[c]) )
;;
;; the same float64 operations in the same order as the scalar loop of plasticity/lplRate.ts
;; (WebAssembly has no fused multiply-add; f32.demote rounds to nearest, ties to even, like a
;; Float32Array store), so the weights are bit-identical. W, x: float32; g: float64; byte offsets
;; into the imported memory. Assembled at install time by scripts/build-wasm.mjs (wabt).
(module
  (import "env" "mem" (memory 1))

  (func (export "decayAdd")
    (param $rows i32) (param $cols i32) (param $wp i32) (param $gp i32) (param $xp i32) (param $decay f64)
    (local $r i32) (local $c i32) (local $quads i32) (local $w i32) (local $xo i32)
    (local $dv v128) (local $gv v128) (local $w4 v128) (local $x4 v128) (local $lo v128) (local $hi v128) (local $g f64)
    (local.set $dv (f64x2.splat (local.get $decay)))
    (local.set $quads (i32.and (local.get $cols) (i32.const -4)))
    (local.set $w (local.get $wp))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $g (f64.load (i32.add (local.get $gp) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $gv (f64x2.splat (local.get $g)))
      (local.set $c (i32.const 0))
      (block $quadsDone (loop $quad
        (br_if $quadsDone (i32.ge_u (local.get $c) (local.get $quads)))
        (local.set $xo (i32.add (local.get $xp) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $w4 (v128.load (local.get $w)))
        (local.set $x4 (v128.load (local.get $xo)))
        (local.set $lo
          (f32x4.demote_f64x2_zero
            (f64x2.add
              (f64x2.mul (f64x2.promote_low_f32x4 (local.get $w4)) (local.get $dv))
              (f64x2.mul (local.get $gv) (f64x2.promote_low_f32x4 (local.get $x4))))))
        (local.set $hi
          (f32x4.demote_f64x2_zero
            (f64x2.add
              (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $w4) (local.get $w4))) (local.get $dv))
              (f64x2.mul (local.get $gv) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x4) (local.get $x4)))))))
        (v128.store (local.get $w) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $lo) (local.get $hi)))
        (local.set $w (i32.add (local.get $w) (i32.const 16)))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $quad)))
      (block $tailDone (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $c) (local.get $cols)))
        (f32.store (local.get $w)
          (f32.demote_f64
            (f64.add
              (f64.mul (f64.promote_f32 (f32.load (local.get $w))) (local.get $decay))
              (f64.mul (local.get $g) (f64.promote_f32 (f32.load (i32.add (local.get $xp) (i32.shl (local.get $c) (i32.const 2)))))))))
        (local.set $w (i32.add (local.get $w) (i32.const 4)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $tail)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row))))
)
