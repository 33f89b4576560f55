;; One step of the bridge-corrected white-noise LIF or EIF group (stochastic/whiteNoiseIf.ts) with the
;; engine's generator inlined: xoshiro128** (core/rng.ts) and
;; the ziggurat normal (core/ziggurat.ts), drawing in exactly the order of the scalar code, so the
;; spikes, the state and the generator's state afterwards are bit-identical to it. Per neuron i:
;;   jump = ge + gi;  ge = gi = 0
;;   refractory: refr −= 1, V = V_r
;;   else V1 = μ + (V − μ)·a + sd·N(0,1)     (EIF, $eif = 1: V1 = V + k·(μ − V + Δ_T·exp(min((V − V_T)/Δ_T, 50))) + sd·N(0,1))
;;        V1 ≥ θ: late = (V1 − θ)/(V1 − V), r = U
;;        else: e = (θ − V)(θ − V1)·K;  e < 30: u = U, P = exp(−e), u < P → late = ½, r = u/P
;;              no crossing: V1 += jump, V1 ≥ θ → late = 0
;;        spike (late ≥ 0): V = V_r, refr = refSteps − (refSteps > 0 and r < late), append i
;; Common random numbers ($shared = 1, the group's noiseSource map src): first every source neuron
;; (src[i] = i), in order, draws Z_i = N(0,1) then U_i = U; then every neuron takes N(0,1) = Z_src[i]
;; and both uniforms (r, u above) = U_src[i] instead of drawing them.
;; exp and log are imported from the host: core/detMath.ts's exp and log, as in the scalar code.
;; Memory (imported): v, mu, sd, bridgeK, ge, gi (f64), refr, spikes (i32), the ziggurat tables
;; x[0..128] and ratio[0..127] (f64), 16 bytes where the generator's four words are left, then
;; src (i32) and Z, U (f64) of common random numbers (each array of n rounded up to even).
;; Assembled at install time by scripts/build-wasm.mjs (wabt) into whiteNoiseLifKernel.wasm.ts.
(module
  (import "env" "mem" (memory 1))
  (import "env" "exp" (func $exp (param f64) (result f64)))
  (import "env" "log" (func $log (param f64) (result f64)))
  (global $s0 (mut i32) (i32.const 0))
  (global $s1 (mut i32) (i32.const 0))
  (global $s2 (mut i32) (i32.const 0))
  (global $s3 (mut i32) (i32.const 0))
  (global $zx (mut i32) (i32.const 0))
  (global $zr (mut i32) (i32.const 0))

  ;; xoshiro128** output (as in Rng.next)
  (func $next (result i32)
    (local $r i32) (local $t i32)
    (local.set $r (i32.mul (i32.rotl (i32.mul (global.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
    (local.set $t (i32.shl (global.get $s1) (i32.const 9)))
    (global.set $s2 (i32.xor (global.get $s2) (global.get $s0)))
    (global.set $s3 (i32.xor (global.get $s3) (global.get $s1)))
    (global.set $s1 (i32.xor (global.get $s1) (global.get $s2)))
    (global.set $s0 (i32.xor (global.get $s0) (global.get $s3)))
    (global.set $s2 (i32.xor (global.get $s2) (local.get $t)))
    (global.set $s3 (i32.rotl (global.get $s3) (i32.const 11)))
    (local.get $r))

  ;; (u32 + 0.5) / 2^32, as Rng.uniform
  (func $uniform (result f64)
    (f64.div (f64.add (f64.convert_i32_u (call $next)) (f64.const 0.5)) (f64.const 4294967296)))

  (func $zigX (param $i i32) (result f64)
    (f64.load (i32.add (global.get $zx) (i32.shl (local.get $i) (i32.const 3)))))

  ;; Rng.normalOutside (with normalTail): the rare case of a normal draw, layer i, u ∈ (−1, 1)
  (func $normalOutside (param $i i32) (param $u f64) (result f64)
    (local $b i32) (local $x f64) (local $y f64) (local $xi f64) (local $xi1 f64)
    (loop $retry
      (if (i32.eqz (local.get $i))
        (then
          (loop $tail
            (local.set $x (f64.div (call $log (call $uniform)) (f64.const 3.442619855899)))
            (local.set $y (call $log (call $uniform)))
            (br_if $tail (f64.lt (f64.mul (f64.const -2) (local.get $y)) (f64.mul (local.get $x) (local.get $x)))))
          (return (select
            (f64.sub (local.get $x) (f64.const 3.442619855899))
            (f64.sub (f64.const 3.442619855899) (local.get $x))
            (f64.lt (local.get $u) (f64.const 0))))))
      (local.set $xi (call $zigX (local.get $i)))
      (local.set $xi1 (call $zigX (i32.add (local.get $i) (i32.const 1))))
      (local.set $x (f64.mul (local.get $u) (local.get $xi)))
      ;; f0 = exp(−½(x_i² − x²)), f1 = exp(−½(x_{i+1}² − x²)); accept if f1 + U(f0 − f1) < 1
      (local.set $y (call $exp (f64.mul (f64.const -0.5) (f64.sub (f64.mul (local.get $xi) (local.get $xi)) (f64.mul (local.get $x) (local.get $x))))))
      (local.set $xi1 (call $exp (f64.mul (f64.const -0.5) (f64.sub (f64.mul (local.get $xi1) (local.get $xi1)) (f64.mul (local.get $x) (local.get $x))))))
      (if (f64.lt (f64.add (local.get $xi1) (f64.mul (call $uniform) (f64.sub (local.get $y) (local.get $xi1)))) (f64.const 1))
        (then (return (local.get $x))))
      (local.set $b (call $next))
      (local.set $i (i32.and (local.get $b) (i32.const 127)))
      (local.set $u (f64.sub (f64.mul (f64.add (f64.convert_i32_u (i32.shr_u (local.get $b) (i32.const 7))) (f64.const 0.5))
                                      (f64.const 0x1p-24)) (f64.const 1)))
      (if (f64.lt (f64.abs (local.get $u)) (f64.load (i32.add (global.get $zr) (i32.shl (local.get $i) (i32.const 3)))))
        (then (return (f64.mul (local.get $u) (call $zigX (local.get $i))))))
      (br $retry))
    (unreachable))

  (func (export "integrate")
    (param $n i32) (param $base i32) (param $a f64) (param $vth f64) (param $vr f64) (param $refSteps i32)
    (param $w0 i32) (param $w1 i32) (param $w2 i32) (param $w3 i32) (param $shared i32)
    (param $eif i32) (param $k f64) (param $dT f64) (param $vT f64)
    (result i32)
    (local $stride i32) (local $i i32) (local $p i32) (local $q i32) (local $count i32)
    (local $vp i32) (local $mup i32) (local $sdp i32) (local $kp i32) (local $gep i32) (local $gip i32) (local $rp i32) (local $spp i32)
    (local $jump f64) (local $v0 f64) (local $v1 f64) (local $m f64) (local $late f64) (local $r f64) (local $e f64) (local $u f64) (local $pc f64)
    (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32) (local $zxl i32) (local $zrl i32)
    (local $ref i32) (local $b i32) (local $t i32) (local $layer i32) (local $z f64)
    (local $srcp i32) (local $zp i32) (local $up i32) (local $src i32)
    (local.set $x0 (local.get $w0)) (local.set $x1 (local.get $w1)) (local.set $x2 (local.get $w2)) (local.set $x3 (local.get $w3))
    ;; layout: 6 float64 arrays of n, 2 int32 arrays of n (n rounded up to even), tables, state
    (local.set $stride (i32.shl (i32.and (i32.add (local.get $n) (i32.const 1)) (i32.const -2)) (i32.const 3)))
    (local.set $vp (local.get $base))
    (local.set $mup (i32.add (local.get $vp) (local.get $stride)))
    (local.set $sdp (i32.add (local.get $mup) (local.get $stride)))
    (local.set $kp (i32.add (local.get $sdp) (local.get $stride)))
    (local.set $gep (i32.add (local.get $kp) (local.get $stride)))
    (local.set $gip (i32.add (local.get $gep) (local.get $stride)))
    (local.set $rp (i32.add (local.get $gip) (local.get $stride)))
    (local.set $spp (i32.add (local.get $rp) (i32.shr_u (local.get $stride) (i32.const 1))))
    (global.set $zx (i32.add (local.get $spp) (i32.shr_u (local.get $stride) (i32.const 1))))
    (global.set $zr (i32.add (global.get $zx) (i32.const 1032)))
    (local.set $zxl (global.get $zx))
    (local.set $zrl (global.get $zr))
    (local.set $srcp (i32.add (global.get $zr) (i32.const 1040)))
    (local.set $zp (i32.add (local.get $srcp) (i32.shr_u (local.get $stride) (i32.const 1))))
    (local.set $up (i32.add (local.get $zp) (local.get $stride)))
    ;; common random numbers: the sources draw first, in order, a normal then a uniform each
    ;; (the normal's usual case inline on the local words, the rare case on the globals as below)
    (if (local.get $shared)
      (then
        (block $drawn
          (loop $draw
            (br_if $drawn (i32.ge_u (local.get $i) (local.get $n)))
            (if (i32.eq (i32.load (i32.add (local.get $srcp) (i32.shl (local.get $i) (i32.const 2)))) (local.get $i))
              (then
                (local.set $b (i32.mul (i32.rotl (i32.mul (local.get $x1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
                (local.set $t (i32.shl (local.get $x1) (i32.const 9)))
                (local.set $x2 (i32.xor (local.get $x2) (local.get $x0)))
                (local.set $x3 (i32.xor (local.get $x3) (local.get $x1)))
                (local.set $x1 (i32.xor (local.get $x1) (local.get $x2)))
                (local.set $x0 (i32.xor (local.get $x0) (local.get $x3)))
                (local.set $x2 (i32.xor (local.get $x2) (local.get $t)))
                (local.set $x3 (i32.rotl (local.get $x3) (i32.const 11)))
                (local.set $layer (i32.shl (i32.and (local.get $b) (i32.const 127)) (i32.const 3)))
                (local.set $u (f64.sub (f64.mul (f64.add (f64.convert_i32_u (i32.shr_u (local.get $b) (i32.const 7))) (f64.const 0.5))
                                                (f64.const 0x1p-24)) (f64.const 1)))
                (if (f64.lt (f64.abs (local.get $u)) (f64.load (i32.add (local.get $zrl) (local.get $layer))))
                  (then (local.set $z (f64.mul (local.get $u) (f64.load (i32.add (local.get $zxl) (local.get $layer))))))
                  (else
                    (global.set $s0 (local.get $x0)) (global.set $s1 (local.get $x1)) (global.set $s2 (local.get $x2)) (global.set $s3 (local.get $x3))
                    (local.set $z (call $normalOutside (i32.shr_u (local.get $layer) (i32.const 3)) (local.get $u)))
                    (local.set $x0 (global.get $s0)) (local.set $x1 (global.get $s1)) (local.set $x2 (global.get $s2)) (local.set $x3 (global.get $s3))))
                (f64.store (i32.add (local.get $zp) (i32.shl (local.get $i) (i32.const 3))) (local.get $z))
                ;; U: (next + ½)/2³², as $uniform, inline
                (local.set $b (i32.mul (i32.rotl (i32.mul (local.get $x1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
                (local.set $t (i32.shl (local.get $x1) (i32.const 9)))
                (local.set $x2 (i32.xor (local.get $x2) (local.get $x0)))
                (local.set $x3 (i32.xor (local.get $x3) (local.get $x1)))
                (local.set $x1 (i32.xor (local.get $x1) (local.get $x2)))
                (local.set $x0 (i32.xor (local.get $x0) (local.get $x3)))
                (local.set $x2 (i32.xor (local.get $x2) (local.get $t)))
                (local.set $x3 (i32.rotl (local.get $x3) (i32.const 11)))
                (f64.store (i32.add (local.get $up) (i32.shl (local.get $i) (i32.const 3)))
                  (f64.div (f64.add (f64.convert_i32_u (local.get $b)) (f64.const 0.5)) (f64.const 4294967296)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $draw)))
        (local.set $i (i32.const 0))))
    (block $done
      (loop $neuron
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $p (i32.shl (local.get $i) (i32.const 3)))
        (local.set $q (i32.shl (local.get $i) (i32.const 2)))
        (local.set $jump (f64.add (f64.load (i32.add (local.get $gep) (local.get $p))) (f64.load (i32.add (local.get $gip) (local.get $p)))))
        (f64.store (i32.add (local.get $gep) (local.get $p)) (f64.const 0))
        (f64.store (i32.add (local.get $gip) (local.get $p)) (f64.const 0))
        (local.set $ref (i32.load (i32.add (local.get $rp) (local.get $q))))
        (block $next_neuron
          (if (i32.gt_s (local.get $ref) (i32.const 0))
            (then
              (i32.store (i32.add (local.get $rp) (local.get $q)) (i32.sub (local.get $ref) (i32.const 1)))
              (f64.store (i32.add (local.get $vp) (local.get $p)) (local.get $vr))
              (br $next_neuron)))
          ;; the source's shared deviates (byte offset of its Z; U is `stride` further)
          (local.set $src (i32.shl (i32.load (i32.add (local.get $srcp) (local.get $q))) (i32.const 3)))
          (if (local.get $shared)
            (then (local.set $z (f64.load (i32.add (local.get $zp) (local.get $src)))))
            (else
          ;; z = Rng.normal(): xoshiro128** (as $next, inlined, on local copies of the words) and the ziggurat's usual case
          (local.set $b (i32.mul (i32.rotl (i32.mul (local.get $x1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
          (local.set $t (i32.shl (local.get $x1) (i32.const 9)))
          (local.set $x2 (i32.xor (local.get $x2) (local.get $x0)))
          (local.set $x3 (i32.xor (local.get $x3) (local.get $x1)))
          (local.set $x1 (i32.xor (local.get $x1) (local.get $x2)))
          (local.set $x0 (i32.xor (local.get $x0) (local.get $x3)))
          (local.set $x2 (i32.xor (local.get $x2) (local.get $t)))
          (local.set $x3 (i32.rotl (local.get $x3) (i32.const 11)))
          (local.set $layer (i32.shl (i32.and (local.get $b) (i32.const 127)) (i32.const 3)))
          (local.set $u (f64.sub (f64.mul (f64.add (f64.convert_i32_u (i32.shr_u (local.get $b) (i32.const 7))) (f64.const 0.5))
                                          (f64.const 0x1p-24)) (f64.const 1)))
          (local.set $z
            (if (result f64) (f64.lt (f64.abs (local.get $u)) (f64.load (i32.add (local.get $zrl) (local.get $layer))))
              (then (f64.mul (local.get $u) (f64.load (i32.add (local.get $zxl) (local.get $layer)))))
              (else
                ;; the rare case runs on the module's generator globals: hand the words over and back
                (global.set $s0 (local.get $x0)) (global.set $s1 (local.get $x1)) (global.set $s2 (local.get $x2)) (global.set $s3 (local.get $x3))
                (local.set $z (call $normalOutside (i32.shr_u (local.get $layer) (i32.const 3)) (local.get $u)))
                (local.set $x0 (global.get $s0)) (local.set $x1 (global.get $s1)) (local.set $x2 (global.get $s2)) (local.set $x3 (global.get $s3))
                (local.get $z))))))
          (local.set $v0 (f64.load (i32.add (local.get $vp) (local.get $p))))
          (local.set $m (f64.load (i32.add (local.get $mup) (local.get $p))))
          (local.set $v1 (f64.add
            (if (result f64) (local.get $eif)
              (then
                ;; EIF: V + k·((μ − V) + Δ_T·exp(min((V − V_T)/Δ_T, 50)))
                (f64.add (local.get $v0)
                  (f64.mul (local.get $k)
                    (f64.add (f64.sub (local.get $m) (local.get $v0))
                      (f64.mul (local.get $dT)
                        (call $exp (f64.min (f64.div (f64.sub (local.get $v0) (local.get $vT)) (local.get $dT)) (f64.const 50))))))))
              (else (f64.add (local.get $m) (f64.mul (f64.sub (local.get $v0) (local.get $m)) (local.get $a)))))
            (f64.mul (f64.load (i32.add (local.get $sdp) (local.get $p))) (local.get $z))))
          (local.set $late (f64.const -1))
          (local.set $r (f64.const 0))
          (if (f64.ge (local.get $v1) (local.get $vth))
            (then
              (local.set $late (f64.div (f64.sub (local.get $v1) (local.get $vth)) (f64.sub (local.get $v1) (local.get $v0))))
              (if (local.get $shared)
                (then (local.set $r (f64.load (i32.add (local.get $up) (local.get $src)))))
                (else
                  (global.set $s0 (local.get $x0)) (global.set $s1 (local.get $x1)) (global.set $s2 (local.get $x2)) (global.set $s3 (local.get $x3))
                  (local.set $r (call $uniform))
                  (local.set $x0 (global.get $s0)) (local.set $x1 (global.get $s1)) (local.set $x2 (global.get $s2)) (local.set $x3 (global.get $s3)))))
            (else
              (local.set $e (f64.mul (f64.mul (f64.sub (local.get $vth) (local.get $v0)) (f64.sub (local.get $vth) (local.get $v1)))
                                     (f64.load (i32.add (local.get $kp) (local.get $p)))))
              (if (f64.lt (local.get $e) (f64.const 30))
                (then
                  (if (local.get $shared)
                    (then (local.set $u (f64.load (i32.add (local.get $up) (local.get $src)))))
                    (else
                      (global.set $s0 (local.get $x0)) (global.set $s1 (local.get $x1)) (global.set $s2 (local.get $x2)) (global.set $s3 (local.get $x3))
                      (local.set $u (call $uniform))
                      (local.set $x0 (global.get $s0)) (local.set $x1 (global.get $s1)) (local.set $x2 (global.get $s2)) (local.set $x3 (global.get $s3))))
                  (local.set $pc (call $exp (f64.neg (local.get $e))))
                  (if (f64.lt (local.get $u) (local.get $pc))
                    (then
                      (local.set $late (f64.const 0.5))
                      (local.set $r (f64.div (local.get $u) (local.get $pc)))))))
              (if (f64.lt (local.get $late) (f64.const 0))
                (then
                  (local.set $v1 (f64.add (local.get $v1) (local.get $jump)))
                  (if (f64.ge (local.get $v1) (local.get $vth)) (then (local.set $late (f64.const 0))))))))
          (if (f64.ge (local.get $late) (f64.const 0))
            (then
              (f64.store (i32.add (local.get $vp) (local.get $p)) (local.get $vr))
              (i32.store (i32.add (local.get $rp) (local.get $q))
                (select (i32.sub (local.get $refSteps) (i32.const 1)) (local.get $refSteps)
                  (i32.and (i32.gt_s (local.get $refSteps) (i32.const 0)) (f64.lt (local.get $r) (local.get $late)))))
              (i32.store (i32.add (local.get $spp) (i32.shl (local.get $count) (i32.const 2))) (local.get $i))
              (local.set $count (i32.add (local.get $count) (i32.const 1))))
            (else (f64.store (i32.add (local.get $vp) (local.get $p)) (local.get $v1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $neuron)))
    ;; the generator's words after the step
    (i32.store (i32.add (global.get $zr) (i32.const 1024)) (local.get $x0))
    (i32.store (i32.add (global.get $zr) (i32.const 1028)) (local.get $x1))
    (i32.store (i32.add (global.get $zr) (i32.const 1032)) (local.get $x2))
    (i32.store (i32.add (global.get $zr) (i32.const 1036)) (local.get $x3))
    (local.get $count))
)
