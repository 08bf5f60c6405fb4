import assert from "node:assert/strict";
import { radicalInverse, ShiftedHaltonGaussian } from "./low_discrepancy.ts";
import erfc from "@stdlib/math-base-special-erfc";
import { createRng } from "./random.ts";

Deno.test("van der Corput points in base 2 fill dyadic intervals exactly", () => {
  const pts = Array.from({ length: 16 }, (_, i) => radicalInverse(i, 2)).sort((a, b) => a - b);
  pts.forEach((p, k) => assert.equal(p, k / 16));
});

Deno.test("shifted Halton Gaussians have mean ≈ 0 and variance ≈ scale² (much closer than iid noise)", () => {
  const seq = new ShiftedHaltonGaussian(createRng("halton"), 4, 0.5);
  const n = 4096, pts = seq.points(n);
  for (let k = 0; k < 4; k++) {
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      s += pts[i * 4 + k];
      s2 += pts[i * 4 + k] ** 2;
    }
    // iid sampling would give standard errors 0.5/64 ≈ 0.008 and 0.25·√2/64 ≈ 0.0055.
    assert.ok(Math.abs(s / n) < 0.005, `mean ${s / n}`);
    assert.ok(Math.abs(s2 / n - 0.25) < 0.01, `variance ${s2 / n}`);
  }
});

Deno.test("Halton: coordinate k is the radical inverse in the k-th prime, shifted mod 1 (the bases are the primes)", () => {
  // The first ten primes by trial division: the bases a Halton sequence needs (pairwise coprime).
  const primes: number[] = [];
  for (let p = 2; primes.length < 10; p++) if (primes.every((q) => p % q !== 0)) primes.push(p);
  const scale = 2, seq = new ShiftedHaltonGaussian(createRng("bases"), 10, scale), pts = seq.points(30);
  const phi = (z: number) => erfc(-z / Math.SQRT2) / 2;
  for (let i = 0; i < 30; i++) {
    for (let k = 0; k < 10; k++) {
      const u = phi(pts[i * 10 + k] / scale), unshifted = (u - seq.shift[k] + 1) % 1;
      // Point i is the (i + 1)-th element of the sequence: its digits in base p, mirrored.
      assert.ok(Math.abs(unshifted - radicalInverse(i + 1, primes[k])) < 1e-9, `point ${i}, coordinate ${k}`);
    }
  }
  assert.throws(() => new ShiftedHaltonGaussian(createRng(1), 11));
});

Deno.test("Halton: a point whose shifted coordinate is exactly 0 is nudged inside (0, 1), not mapped to −∞", () => {
  // Shift 1/2 on every coordinate: the first point's base-2 coordinate is (1/2 + 1/2) mod 1 = 0.
  const half = {
    double: () => 0.5,
    normal: () => 0,
    uniform: (lo: number, hi: number) => lo + (hi - lo) / 2,
    int: (lo: number) => lo,
  };
  const seq = new ShiftedHaltonGaussian(half, 2, 1), pts = seq.points(2);
  assert.equal(seq.shift[0], 0.5);
  assert.ok(pts.every(Number.isFinite), `${pts}`);
  // Φ⁻¹(ε) = −8.13 (ε = 2⁻⁵², a tail probability of 2.2·10⁻¹⁶).
  assert.ok(Math.abs(pts[0] + 8.13) < 0.01, `${pts[0]}`);
});
