import assert from "node:assert/strict";
import { buildOutputs } from "../wasm/build.ts";
import { createRng } from "./random.ts";
import {
  gdStepRelu,
  gdStepReluTs,
  jacobianRelu,
  jacobianReluTs,
  ntkGramRelu,
  ntkGramReluTs,
  type TwoLayerScales,
} from "./two_layer_kernels.ts";
import { TWO_LAYER_KERNELS_WASM_BASE64 } from "./two_layer_kernels_wasm.ts";
import { wasmNtkGrams, wasmPeakLoop } from "./two_layer_kernels_wasm_glue.ts";

// The wasm kernels promise the TypeScript loops' bits (same roundings in the same order): compared with
// Object.is, entry by entry, so NaN must meet NaN and −0 must meet −0.
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return -2;
  return a.findIndex((x, i) => !Object.is(x, b[i]));
}

// Shapes that exercise every remainder: m odd, below and above 8 and not a multiple of 8; n not a multiple
// of 128 or of 4 (the last block is ragged) and below one block; d odd, 1, and above the 4-wide tiles.
const SHAPES = [[1, 1, 1], [3, 2, 5], [7, 5, 300], [9, 3, 129], [16, 4, 128], [33, 9, 1000], [5, 1, 7], [2, 13, 257]];
const SCALES: TwoLayerScales[] = [{}, { input: 0.35, output: -1.7 }];

function draw(seed: string, m: number, d: number, n: number, special: boolean) {
  const rng = createRng(seed);
  const dr = (len: number, s: number) => Float64Array.from({ length: len }, () => s * rng.normal());
  const p = { X: dr(m * d, 1), y: dr(m, 1), U: dr(n * d, 1 / Math.sqrt(d)), b: dr(n, 0.3), v: dr(n, 1), c: 0.25 };
  if (special) {
    // Non-finite and signed-zero values where the kernels branch: a NaN input, an infinite output weight
    // (0·∞ = NaN in step(p)·v), −0 weights and biases (relu(−0) = +0).
    p.X[p.X.length - 1] = NaN;
    p.v[n >> 1] = -Infinity;
    p.U[0] = -0;
    p.b[n - 1] = -0;
  }
  return p;
}

Deno.test("the committed two_layer_kernels.wasm and its base64 module are what deno task build:wasm gives", async () => {
  const { binary, module } = await buildOutputs();
  const committed = await Deno.readFile(new URL("./two_layer_kernels.wasm", import.meta.url));
  assert.deepStrictEqual(committed, binary);
  assert.equal(await Deno.readTextFile(new URL("./two_layer_kernels_wasm.ts", import.meta.url)), module);
  assert.equal(atob(TWO_LAYER_KERNELS_WASM_BASE64).length, binary.length);
});

Deno.test("the wasm kernels are in use here (WebAssembly SIMD available) and peak_loop runs", () => {
  assert.ok(
    wasmNtkGrams({
      X: Float64Array.of(1),
      U: Float64Array.of(1),
      b: Float64Array.of(0),
      v: Float64Array.of(1),
      m: 1,
      d: 1,
      n: 1,
    }, 1),
  );
  assert.ok(Number.isFinite(wasmPeakLoop(100)));
});

for (const special of [false, true]) {
  Deno.test(`wasm kernels give the TypeScript loops' bits${special ? " (NaN, ∞, −0 inputs)" : ""}`, () => {
    for (const [m, d, n] of SHAPES) {
      for (const [s, scales] of SCALES.entries()) {
        const tag = `m=${m} d=${d} n=${n} scales#${s}`;
        const p = draw(`wasm/${tag}/${special}`, m, d, n, special);
        assert.equal(
          firstDifference(
            ntkGramRelu(p.X, p.U, p.b, p.v, m, d, n, scales),
            ntkGramReluTs(p.X, p.U, p.b, p.v, m, d, n, scales),
          ),
          -1,
          `ntk ${tag}`,
        );
        const J = jacobianRelu(p.X, p.U, p.b, p.v, m, d, n, scales);
        const Jts = jacobianReluTs(p.X, p.U, p.b, p.v, m, d, n, scales, new Float64Array(J.length));
        assert.equal(firstDifference(J, Jts), -1, `jacobian ${tag}`);
        // Three steps, so that the second and third start from parameters the kernels updated.
        const w = [p.U, p.b, p.v].map((a) => a.slice()), t = [p.U, p.b, p.v].map((a) => a.slice());
        let cw = p.c, ct = p.c;
        for (let step = 0; step < 3; step++) {
          const rw = gdStepRelu(p.X, p.y, w[0], w[1], w[2], cw, m, d, n, 0.01, scales);
          const rt = gdStepReluTs(p.X, p.y, t[0], t[1], t[2], ct, m, d, n, 0.01, scales);
          assert.ok(Object.is(rw.c, rt.c) && Object.is(rw.loss, rt.loss), `gd c/loss ${tag} step ${step}`);
          for (let g = 0; g < 3; g++) {
            assert.equal(firstDifference(w[g], t[g]), -1, `gd group ${g} ${tag} step ${step}`);
          }
          [cw, ct] = [rw.c, rt.c];
        }
      }
    }
  });
}

Deno.test("the bit-for-bit comparison fails on a one-ulp difference and on NaN against a number", () => {
  const p = draw("ulp", 9, 3, 129, false);
  const K = ntkGramRelu(p.X, p.U, p.b, p.v, 9, 3, 129), L = K.slice();
  L[40] = L[40] + L[40] * 2 ** -52;
  assert.notEqual(L[40], K[40]);
  assert.equal(firstDifference(K, L), 40);
  L[40] = K[40];
  L[3] = NaN;
  assert.equal(firstDifference(K, L), 3);
  assert.equal(firstDifference(K, K.slice()), -1);
});

Deno.test("jacobianRelu overwrites every entry of a reused out buffer and rejects a wrong length", () => {
  const p = draw("out", 7, 5, 300, false), P = 300 * 7 + 1;
  const fresh = jacobianRelu(p.X, p.U, p.b, p.v, 7, 5, 300);
  const out = new Float64Array(7 * P).fill(NaN);
  assert.equal(firstDifference(jacobianRelu(p.X, p.U, p.b, p.v, 7, 5, 300, {}, out), fresh), -1);
  assert.throws(() => jacobianRelu(p.X, p.U, p.b, p.v, 7, 5, 300, {}, new Float64Array(3)), RangeError);
});
