;; Per-synapse eligibility traces of dense, row-major (nRows × nCols) synapse matrices, two columns
;; at a time with 128-bit SIMD (a scalar step for an odd last column), in float64 with the same
;; operations in the same order as the scalar code of the rules, so results are bit-identical
;; (WebAssembly has no fused multiply-add; every f64x2 lane rounds like a scalar operation).
;; Row r, column c, q = r·nCols + c; row vectors (length nRows) and column vectors (length nCols).
;;
;;   alphaTraces (SuperSpike, learning/superSpike.ts; rows = pre j, columns = post i):
;;     a = ar·h[q] + bsig[c]·p[r];  h[q] = a;  l = ad·el[q] + bd·a;  el[q] = l;  g[q] = g[q] + l·e[c]
;;     (bsig[c] = br·σ′_c, computed by the caller once per step)
;;   filteredTraces (e-prop LIF with a leaky readout, learning/epropCore.ts; rows = pre i, columns = post j):
;;     fv = ftz(k·f[q] + pb[r]·psi[c]);  f[q] = fv;  g[q] = g[q] + L[c]·fv
;;     (pb[r] = (1 − κ)·pre_r, computed by the caller)
;;   alifEps (e-prop ALIF, learning/epropAlif.ts):
;;     eps[q] = ftz(psi[c]·pre[r] + coef[c]·eps[q])
;;   alifFilteredTraces (e-prop ALIF with a leaky readout):
;;     fv = ftz(k·f[q] + bpsi[c]·(pre[r] − β·eps[q]));  f[q] = fv;  g[q] = g[q] + L[c]·fv
;;     (bpsi[c] = (1 − κ)·ψ_c, computed by the caller)
;;   ftz(x) = 0 when |x| < 2^−1022 (the smallest normal float64), else x (NaN unchanged; written out
;;   in each loop: a select, or for both lanes an and-not with the |x| < 2^−1022 mask). e-prop's traces of silent
;;   neurons decay geometrically into the subnormal range, where x·κ rounds back to x and every
;;   operation on them runs many times slower; flushed, they stay exactly 0 (learning/epropCore.ts).
;; Every pointer is a byte offset into the imported memory (8-byte aligned).
;; Assembled at install time by scripts/build-wasm.mjs (wabt) into traceKernel.wasm.ts.
(module
  (import "env" "mem" (memory 1))

  (func (export "alphaTraces")
    (param $rows i32) (param $cols i32) (param $hp i32) (param $ep i32) (param $gp i32)
    (param $bsig i32) (param $err i32) (param $pre i32)
    (param $ar f64) (param $ad f64) (param $bd f64)
    (local $r i32) (local $c i32) (local $pairs i32) (local $o i32) (local $co i32)
    (local $arv v128) (local $adv v128) (local $bdv v128) (local $pv v128) (local $a v128) (local $l v128)
    (local $p f64) (local $as f64) (local $ls f64)
    (local.set $arv (f64x2.splat (local.get $ar)))
    (local.set $adv (f64x2.splat (local.get $ad)))
    (local.set $bdv (f64x2.splat (local.get $bd)))
    (local.set $pairs (i32.and (local.get $cols) (i32.const -2)))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $p (f64.load (i32.add (local.get $pre) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $pv (f64x2.splat (local.get $p)))
      (local.set $c (i32.const 0))
      (block $pairsDone (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $c) (local.get $pairs)))
        (local.set $co (i32.shl (local.get $c) (i32.const 3)))
        (local.set $a
          (f64x2.add
            (f64x2.mul (local.get $arv) (v128.load (i32.add (local.get $hp) (local.get $o))))
            (f64x2.mul (v128.load (i32.add (local.get $bsig) (local.get $co))) (local.get $pv))))
        (v128.store (i32.add (local.get $hp) (local.get $o)) (local.get $a))
        (local.set $l
          (f64x2.add
            (f64x2.mul (local.get $adv) (v128.load (i32.add (local.get $ep) (local.get $o))))
            (f64x2.mul (local.get $bdv) (local.get $a))))
        (v128.store (i32.add (local.get $ep) (local.get $o)) (local.get $l))
        (v128.store (i32.add (local.get $gp) (local.get $o))
          (f64x2.add
            (v128.load (i32.add (local.get $gp) (local.get $o)))
            (f64x2.mul (local.get $l) (v128.load (i32.add (local.get $err) (local.get $co))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $pair)))
      (if (i32.lt_u (local.get $c) (local.get $cols))
        (then
          (local.set $co (i32.shl (local.get $c) (i32.const 3)))
          (local.set $as
            (f64.add
              (f64.mul (local.get $ar) (f64.load (i32.add (local.get $hp) (local.get $o))))
              (f64.mul (f64.load (i32.add (local.get $bsig) (local.get $co))) (local.get $p))))
          (f64.store (i32.add (local.get $hp) (local.get $o)) (local.get $as))
          (local.set $ls
            (f64.add
              (f64.mul (local.get $ad) (f64.load (i32.add (local.get $ep) (local.get $o))))
              (f64.mul (local.get $bd) (local.get $as))))
          (f64.store (i32.add (local.get $ep) (local.get $o)) (local.get $ls))
          (f64.store (i32.add (local.get $gp) (local.get $o))
            (f64.add
              (f64.load (i32.add (local.get $gp) (local.get $o)))
              (f64.mul (local.get $ls) (f64.load (i32.add (local.get $err) (local.get $co))))))
          (local.set $o (i32.add (local.get $o) (i32.const 8)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row))))

  (func (export "filteredTraces")
    (param $rows i32) (param $cols i32) (param $fp i32) (param $gp i32)
    (param $pb i32) (param $psi i32) (param $lsig i32) (param $k f64)
    (local $r i32) (local $c i32) (local $pairs i32) (local $o i32) (local $co i32)
    (local $kv v128) (local $pv v128) (local $f v128) (local $p f64) (local $fs f64)
    (local.set $kv (f64x2.splat (local.get $k)))
    (local.set $pairs (i32.and (local.get $cols) (i32.const -2)))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $p (f64.load (i32.add (local.get $pb) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $pv (f64x2.splat (local.get $p)))
      (local.set $c (i32.const 0))
      (block $pairsDone (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $c) (local.get $pairs)))
        (local.set $co (i32.shl (local.get $c) (i32.const 3)))
        (local.set $f
          (f64x2.add
            (f64x2.mul (local.get $kv) (v128.load (i32.add (local.get $fp) (local.get $o))))
            (f64x2.mul (local.get $pv) (v128.load (i32.add (local.get $psi) (local.get $co))))))
        (local.set $f (v128.andnot (local.get $f) (f64x2.lt (f64x2.abs (local.get $f)) (v128.const f64x2 0x1p-1022 0x1p-1022))))
        (v128.store (i32.add (local.get $fp) (local.get $o)) (local.get $f))
        (v128.store (i32.add (local.get $gp) (local.get $o))
          (f64x2.add
            (v128.load (i32.add (local.get $gp) (local.get $o)))
            (f64x2.mul (v128.load (i32.add (local.get $lsig) (local.get $co))) (local.get $f))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $pair)))
      (if (i32.lt_u (local.get $c) (local.get $cols))
        (then
          (local.set $co (i32.shl (local.get $c) (i32.const 3)))
          (local.set $fs
            (f64.add
              (f64.mul (local.get $k) (f64.load (i32.add (local.get $fp) (local.get $o))))
              (f64.mul (local.get $p) (f64.load (i32.add (local.get $psi) (local.get $co))))))
          (local.set $fs (select (f64.const 0) (local.get $fs) (f64.lt (f64.abs (local.get $fs)) (f64.const 0x1p-1022))))
          (f64.store (i32.add (local.get $fp) (local.get $o)) (local.get $fs))
          (f64.store (i32.add (local.get $gp) (local.get $o))
            (f64.add
              (f64.load (i32.add (local.get $gp) (local.get $o)))
              (f64.mul (f64.load (i32.add (local.get $lsig) (local.get $co))) (local.get $fs))))
          (local.set $o (i32.add (local.get $o) (i32.const 8)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row))))

  (func (export "alifEps")
    (param $rows i32) (param $cols i32) (param $ep i32) (param $pre i32) (param $psi i32) (param $coef i32)
    (local $r i32) (local $c i32) (local $pairs i32) (local $o i32) (local $co i32)
    (local $pv v128) (local $f v128) (local $p f64) (local $fs f64)
    (local.set $pairs (i32.and (local.get $cols) (i32.const -2)))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $p (f64.load (i32.add (local.get $pre) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $pv (f64x2.splat (local.get $p)))
      (local.set $c (i32.const 0))
      (block $pairsDone (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $c) (local.get $pairs)))
        (local.set $co (i32.shl (local.get $c) (i32.const 3)))
        (local.set $f
          (f64x2.add
            (f64x2.mul (v128.load (i32.add (local.get $psi) (local.get $co))) (local.get $pv))
            (f64x2.mul (v128.load (i32.add (local.get $coef) (local.get $co))) (v128.load (i32.add (local.get $ep) (local.get $o))))))
        (v128.store (i32.add (local.get $ep) (local.get $o)) (v128.andnot (local.get $f) (f64x2.lt (f64x2.abs (local.get $f)) (v128.const f64x2 0x1p-1022 0x1p-1022))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $pair)))
      (if (i32.lt_u (local.get $c) (local.get $cols))
        (then
          (local.set $co (i32.shl (local.get $c) (i32.const 3)))
          (local.set $fs
            (f64.add
              (f64.mul (f64.load (i32.add (local.get $psi) (local.get $co))) (local.get $p))
              (f64.mul (f64.load (i32.add (local.get $coef) (local.get $co))) (f64.load (i32.add (local.get $ep) (local.get $o))))))
          (f64.store (i32.add (local.get $ep) (local.get $o)) (select (f64.const 0) (local.get $fs) (f64.lt (f64.abs (local.get $fs)) (f64.const 0x1p-1022))))
          (local.set $o (i32.add (local.get $o) (i32.const 8)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row))))

  (func (export "alifFilteredTraces")
    (param $rows i32) (param $cols i32) (param $fp i32) (param $gp i32) (param $pre i32) (param $ep i32)
    (param $bpsi i32) (param $lsig i32) (param $k f64) (param $beta f64)
    (local $r i32) (local $c i32) (local $pairs i32) (local $o i32) (local $co i32)
    (local $kv v128) (local $betav v128) (local $pv v128) (local $f v128) (local $p f64) (local $fs f64)
    (local.set $kv (f64x2.splat (local.get $k)))
    (local.set $betav (f64x2.splat (local.get $beta)))
    (local.set $pairs (i32.and (local.get $cols) (i32.const -2)))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $p (f64.load (i32.add (local.get $pre) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $pv (f64x2.splat (local.get $p)))
      (local.set $c (i32.const 0))
      (block $pairsDone (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $c) (local.get $pairs)))
        (local.set $co (i32.shl (local.get $c) (i32.const 3)))
        (local.set $f
          (f64x2.add
            (f64x2.mul (local.get $kv) (v128.load (i32.add (local.get $fp) (local.get $o))))
            (f64x2.mul
              (v128.load (i32.add (local.get $bpsi) (local.get $co)))
              (f64x2.sub (local.get $pv) (f64x2.mul (local.get $betav) (v128.load (i32.add (local.get $ep) (local.get $o))))))))
        (local.set $f (v128.andnot (local.get $f) (f64x2.lt (f64x2.abs (local.get $f)) (v128.const f64x2 0x1p-1022 0x1p-1022))))
        (v128.store (i32.add (local.get $fp) (local.get $o)) (local.get $f))
        (v128.store (i32.add (local.get $gp) (local.get $o))
          (f64x2.add
            (v128.load (i32.add (local.get $gp) (local.get $o)))
            (f64x2.mul (v128.load (i32.add (local.get $lsig) (local.get $co))) (local.get $f))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $pair)))
      (if (i32.lt_u (local.get $c) (local.get $cols))
        (then
          (local.set $co (i32.shl (local.get $c) (i32.const 3)))
          (local.set $fs
            (f64.add
              (f64.mul (local.get $k) (f64.load (i32.add (local.get $fp) (local.get $o))))
              (f64.mul
                (f64.load (i32.add (local.get $bpsi) (local.get $co)))
                (f64.sub (local.get $p) (f64.mul (local.get $beta) (f64.load (i32.add (local.get $ep) (local.get $o))))))))
          (local.set $fs (select (f64.const 0) (local.get $fs) (f64.lt (f64.abs (local.get $fs)) (f64.const 0x1p-1022))))
          (f64.store (i32.add (local.get $fp) (local.get $o)) (local.get $fs))
          (f64.store (i32.add (local.get $gp) (local.get $o))
            (f64.add
              (f64.load (i32.add (local.get $gp) (local.get $o)))
              (f64.mul (f64.load (i32.add (local.get $lsig) (local.get $co))) (local.get $fs))))
          (local.set $o (i32.add (local.get $o) (i32.const 8)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row))))
)
