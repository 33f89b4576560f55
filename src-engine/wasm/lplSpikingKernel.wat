;; The per-synapse step of the spiking LPL rule (plasticity/lplSpiking.ts) over its synapses grouped
;; by postsynaptic neuron (CSR: post i owns k ∈ [ptr[i], ptr[i+1]), presynaptic j = pre[k]):
;;
;;   inp = p[j]·fp[i];  d = eD[k]·aD + inp;  r = eR[k]·aR + inp;  eD[k] = d;  eR[k] = r
;;   G[k] = G[k] + ((d − r)·ebar[i] + (S[j] ≠ 0 ? δ : 0))
;;
;; in float64 with the same operations in the same order as the scalar loop (no fused multiply-add),
;; so the traces are bit-identical. ptr, pre: int32; S: uint8; the rest float64; byte offsets into
;; the imported memory. Assembled at install time by scripts/build-wasm.mjs (wabt).
(module
  (import "env" "mem" (memory 1))

  (func (export "step")
    (param $nPost i32) (param $ptr i32) (param $pre i32) (param $pp i32) (param $sp i32) (param $fpp i32) (param $ebp i32)
    (param $edp i32) (param $erp i32) (param $gp i32) (param $aD f64) (param $aR f64) (param $delta f64)
    (local $i i32) (local $k i32) (local $end i32) (local $j i32) (local $o i32)
    (local $fp f64) (local $eb f64) (local $inp f64) (local $d f64) (local $r f64)
    (local.set $k (i32.load (local.get $ptr)))
    (block $postsDone (loop $post
      (br_if $postsDone (i32.ge_u (local.get $i) (local.get $nPost)))
      (local.set $fp (f64.load (i32.add (local.get $fpp) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $eb (f64.load (i32.add (local.get $ebp) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $end (i32.load (i32.add (local.get $ptr) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
      (block $synDone (loop $syn
        (br_if $synDone (i32.ge_u (local.get $k) (local.get $end)))
        (local.set $j (i32.load (i32.add (local.get $pre) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $o (i32.shl (local.get $k) (i32.const 3)))
        (local.set $inp (f64.mul (f64.load (i32.add (local.get $pp) (i32.shl (local.get $j) (i32.const 3)))) (local.get $fp)))
        (local.set $d (f64.add (f64.mul (f64.load (i32.add (local.get $edp) (local.get $o))) (local.get $aD)) (local.get $inp)))
        (local.set $r (f64.add (f64.mul (f64.load (i32.add (local.get $erp) (local.get $o))) (local.get $aR)) (local.get $inp)))
        (f64.store (i32.add (local.get $edp) (local.get $o)) (local.get $d))
        (f64.store (i32.add (local.get $erp) (local.get $o)) (local.get $r))
        (f64.store (i32.add (local.get $gp) (local.get $o))
          (f64.add
            (f64.load (i32.add (local.get $gp) (local.get $o)))
            (f64.add
              (f64.mul (f64.sub (local.get $d) (local.get $r)) (local.get $eb))
              (select (local.get $delta) (f64.const 0) (i32.load8_u (i32.add (local.get $sp) (local.get $j)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $syn)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $post))))
)
