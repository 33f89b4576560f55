;; Batched dense products for measuring a layer on many samples (analysis of the LPL experiments),
;; with 128-bit SIMD across independent sums: every sum is taken over its index in ascending
;; order in float64, one addition at a time, exactly as the scalar loops (plasticity/lplRate.ts
;; forward, analysis/representation.ts invariance) take it, so results are bit-identical
;; (WebAssembly has no fused multiply-add; every f64x2 lane rounds like a scalar operation).
;;
;;   forward: S[e·M' + i] = Σ_j f64(W[i·N + j]) · f64(X[e·N + j])      (X: E × N float32 samples,
;;            W: M × N float32 weights, passed packed in blocks of eight units (zero-padded to
;;            M' = 8·blocks); S: E × M' float64; sums over j = 0 … N−1)
;;   pairCosine: for every pair a < b (in the order a, then b) with norm_a, norm_b ≥ 1e−12:
;;            dot = Σ_i C[a·M + i] · CT[i·E + b]   (C: E × M float64, CT its transpose)
;;            cos = dot / (norm_a · norm_b), added to `within` (seq_a = seq_b) or `between`;
;;            out = [within, pairs within, between, pairs between]. D is scratch (E float64).
;; Every pointer is a byte offset into the imported memory. Assembled at install time by
;; scripts/build-wasm.mjs (wabt) into denseBatchKernel.wasm.ts.
(module
  (import "env" "mem" (memory 1))

  (func (export "forward")
    (param $E i32) (param $N i32) (param $blocks i32) (param $xp i32) (param $pp i32) (param $sp i32)
    ;; P: the weights packed by blocks of eight units, P[(b·N + j)·8 + k] = W[(8b + k)·N + j] (zero-padded);
    ;; S: E × 8·blocks. Two samples share each load of eight weights.
    (local $e i32) (local $b i32) (local $j i32) (local $xa i32) (local $xb i32) (local $w i32) (local $s i32) (local $two i32)
    (local $x v128) (local $y v128) (local $p0 v128) (local $p1 v128) (local $p2 v128) (local $p3 v128) (local $w0 v128) (local $w1 v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (block $samplesDone (loop $sample
      (br_if $samplesDone (i32.ge_u (local.get $e) (local.get $E)))
      ;; a second sample when there is one (otherwise the first again, its sums discarded)
      (local.set $two (i32.lt_u (i32.add (local.get $e) (i32.const 1)) (local.get $E)))
      (local.set $xa (i32.add (local.get $xp) (i32.shl (i32.mul (local.get $e) (local.get $N)) (i32.const 2))))
      (local.set $xb (select (i32.add (local.get $xa) (i32.shl (local.get $N) (i32.const 2))) (local.get $xa) (local.get $two)))
      (local.set $b (i32.const 0))
      (local.set $w (local.get $pp))
      (block $blocksDone (loop $block
        (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $blocks)))
        (local.set $a0 (v128.const f64x2 0 0))
        (local.set $a1 (v128.const f64x2 0 0))
        (local.set $a2 (v128.const f64x2 0 0))
        (local.set $a3 (v128.const f64x2 0 0))
        (local.set $c0 (v128.const f64x2 0 0))
        (local.set $c1 (v128.const f64x2 0 0))
        (local.set $c2 (v128.const f64x2 0 0))
        (local.set $c3 (v128.const f64x2 0 0))
        (local.set $j (i32.const 0))
        (block $jDone (loop $jl
          (br_if $jDone (i32.ge_u (local.get $j) (local.get $N)))
          (local.set $x (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $xa) (i32.shl (local.get $j) (i32.const 2)))))))
          (local.set $y (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $xb) (i32.shl (local.get $j) (i32.const 2)))))))
          (local.set $w0 (v128.load (local.get $w)))
          (local.set $w1 (v128.load offset=16 (local.get $w)))
          (local.set $p0 (f64x2.promote_low_f32x4 (local.get $w0)))
          (local.set $p1 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $w0) (local.get $w0))))
          (local.set $p2 (f64x2.promote_low_f32x4 (local.get $w1)))
          (local.set $p3 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $w1) (local.get $w1))))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $p0) (local.get $x))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $p1) (local.get $x))))
          (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $p2) (local.get $x))))
          (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $p3) (local.get $x))))
          (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $p0) (local.get $y))))
          (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $p1) (local.get $y))))
          (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $p2) (local.get $y))))
          (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $p3) (local.get $y))))
          (local.set $w (i32.add (local.get $w) (i32.const 32)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $jl)))
        ;; S row e, units 8b … 8b+7 (and row e+1)
        (local.set $s (i32.add (local.get $sp) (i32.shl (i32.add (i32.mul (local.get $e) (local.get $blocks)) (local.get $b)) (i32.const 6))))
        (v128.store (local.get $s) (local.get $a0))
        (v128.store offset=16 (local.get $s) (local.get $a1))
        (v128.store offset=32 (local.get $s) (local.get $a2))
        (v128.store offset=48 (local.get $s) (local.get $a3))
        (if (local.get $two)
          (then
            (local.set $s (i32.add (local.get $s) (i32.shl (local.get $blocks) (i32.const 6))))
            (v128.store (local.get $s) (local.get $c0))
            (v128.store offset=16 (local.get $s) (local.get $c1))
            (v128.store offset=32 (local.get $s) (local.get $c2))
            (v128.store offset=48 (local.get $s) (local.get $c3))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $block)))
      (local.set $e (i32.add (local.get $e) (i32.const 2)))
      (br $sample))))

  (func (export "pairCosine")
    (param $E i32) (param $M i32) (param $cp i32) (param $ctp i32) (param $np i32) (param $seqp i32) (param $dp i32) (param $outp i32)
    (local $a i32) (local $b i32) (local $i i32) (local $crow i32) (local $ct i32) (local $estride i32)
    (local $c v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $s f64) (local $na f64) (local $nb f64) (local $cos f64) (local $seqa i32)
    (local $within f64) (local $between f64) (local $nw i32) (local $nbt i32)
    (local.set $estride (i32.shl (local.get $E) (i32.const 3)))
    (block $aDone (loop $al
      (br_if $aDone (i32.ge_u (local.get $a) (local.get $E)))
      (local.set $crow (i32.add (local.get $cp) (i32.shl (i32.mul (local.get $a) (local.get $M)) (i32.const 3))))
      (local.set $b (i32.add (local.get $a) (i32.const 1)))
      ;; dot products with eight partners at a time
      (block $octsDone (loop $oct
        (br_if $octsDone (i32.gt_u (i32.add (local.get $b) (i32.const 8)) (local.get $E)))
        (local.set $a0 (v128.const f64x2 0 0))
        (local.set $a1 (v128.const f64x2 0 0))
        (local.set $a2 (v128.const f64x2 0 0))
        (local.set $a3 (v128.const f64x2 0 0))
        (local.set $ct (i32.add (local.get $ctp) (i32.shl (local.get $b) (i32.const 3))))
        (local.set $i (i32.const 0))
        (block $iDone (loop $il
          (br_if $iDone (i32.ge_u (local.get $i) (local.get $M)))
          (local.set $c (f64x2.splat (f64.load (i32.add (local.get $crow) (i32.shl (local.get $i) (i32.const 3))))))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $c) (v128.load (local.get $ct)))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $c) (v128.load offset=16 (local.get $ct)))))
          (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $c) (v128.load offset=32 (local.get $ct)))))
          (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $c) (v128.load offset=48 (local.get $ct)))))
          (local.set $ct (i32.add (local.get $ct) (local.get $estride)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $il)))
        (v128.store (i32.add (local.get $dp) (i32.shl (local.get $b) (i32.const 3))) (local.get $a0))
        (v128.store offset=16 (i32.add (local.get $dp) (i32.shl (local.get $b) (i32.const 3))) (local.get $a1))
        (v128.store offset=32 (i32.add (local.get $dp) (i32.shl (local.get $b) (i32.const 3))) (local.get $a2))
        (v128.store offset=48 (i32.add (local.get $dp) (i32.shl (local.get $b) (i32.const 3))) (local.get $a3))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (br $oct)))
      ;; the remaining partners one at a time
      (block $restDone (loop $rest
        (br_if $restDone (i32.ge_u (local.get $b) (local.get $E)))
        (local.set $s (f64.const 0))
        (local.set $ct (i32.add (local.get $ctp) (i32.shl (local.get $b) (i32.const 3))))
        (local.set $i (i32.const 0))
        (block $iDone2 (loop $il2
          (br_if $iDone2 (i32.ge_u (local.get $i) (local.get $M)))
          (local.set $s (f64.add (local.get $s)
            (f64.mul (f64.load (i32.add (local.get $crow) (i32.shl (local.get $i) (i32.const 3)))) (f64.load (local.get $ct)))))
          (local.set $ct (i32.add (local.get $ct) (local.get $estride)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $il2)))
        (f64.store (i32.add (local.get $dp) (i32.shl (local.get $b) (i32.const 3))) (local.get $s))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $rest)))
      ;; cosines added in the order of b
      (local.set $na (f64.load (i32.add (local.get $np) (i32.shl (local.get $a) (i32.const 3)))))
      (local.set $seqa (i32.load (i32.add (local.get $seqp) (i32.shl (local.get $a) (i32.const 2)))))
      (if (i32.eqz (f64.lt (local.get $na) (f64.const 1e-12)))
        (then
          (local.set $b (i32.add (local.get $a) (i32.const 1)))
          (block $cDone (loop $cl
            (br_if $cDone (i32.ge_u (local.get $b) (local.get $E)))
            (local.set $nb (f64.load (i32.add (local.get $np) (i32.shl (local.get $b) (i32.const 3)))))
            (if (i32.eqz (f64.lt (local.get $nb) (f64.const 1e-12)))
              (then
                (local.set $cos (f64.div (f64.load (i32.add (local.get $dp) (i32.shl (local.get $b) (i32.const 3))))
                                         (f64.mul (local.get $na) (local.get $nb))))
                (if (i32.eq (local.get $seqa) (i32.load (i32.add (local.get $seqp) (i32.shl (local.get $b) (i32.const 2)))))
                  (then
                    (local.set $within (f64.add (local.get $within) (local.get $cos)))
                    (local.set $nw (i32.add (local.get $nw) (i32.const 1))))
                  (else
                    (local.set $between (f64.add (local.get $between) (local.get $cos)))
                    (local.set $nbt (i32.add (local.get $nbt) (i32.const 1)))))))
            (local.set $b (i32.add (local.get $b) (i32.const 1)))
            (br $cl)))))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $al)))
    (f64.store (local.get $outp) (local.get $within))
    (f64.store offset=8 (local.get $outp) (f64.convert_i32_s (local.get $nw)))
    (f64.store offset=16 (local.get $outp) (local.get $between))
    (f64.store offset=24 (local.get $outp) (f64.convert_i32_s (local.get $nbt)))
    )
)
