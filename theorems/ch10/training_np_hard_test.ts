import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { branchAndBound, type SubsetSum, SubsetSumLoss } from "../../models/subset_sum.ts";
import { trainingNpHard } from "./training_np_hard.ts";

Deno.test("thm-10.3 catches a 'bound' that is not one: g/(1 + 4‖a‖), the square dropped", async () => {
  const wrong = trainingNpHard(({ a }, gap) => ({
    num: BigInt(gap),
    den: 1n + 4n * BigInt(Math.ceil(Math.hypot(...a))),
  }));
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test("thm-10.3 catches a wrong loss: the penalty w(1 − w) not squared (L can be negative)", async () => {
  class Unsquared extends SubsetSumLoss {
    override value(w: ArrayLike<number>): number {
      const { a, t } = this.instance;
      let s = -t, q = 0;
      for (let i = 0; i < a.length; i++) [s, q] = [s + w[i] * a[i], q + w[i] * (1 - w[i])];
      return s * s + q;
    }
    override exact(w: ArrayLike<number>) {
      // Exact value of the unsquared loss at a float point via the squared one's machinery is not
      // available; evaluate through doubles scaled to integers (sufficient to expose L < 0).
      const v = this.value(w);
      return { num: BigInt(Math.round(v * 2 ** 40)), den: 1n << 40n };
    }
  }
  const wrong = trainingNpHard(undefined, (p: SubsetSum) => new Unsquared(p));
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test("thm-10.3 catches a branch and bound over [0, 1]ⁿ (minimisers can lie outside: w = (−1/M, 1))", async () => {
  const wrong = trainingNpHard(
    undefined,
    undefined,
    (p, upper, target, max) => branchAndBound(p, upper, target, max, [{ lo: 0, hi: 1 }]),
  );
  const caught = await firstCaughtInstance(wrong, 1, "test");
  assert.ok(caught?.conclusion?.detail.includes("near miss") || caught?.conclusion?.detail.includes("NO"));
});

Deno.test("thm-10.3 catches the near miss g²/(1 + ‖a‖²): the certificate with the proof's constant 4 dropped", async () => {
  // The minimum of the quadratic model (g + aᵀδ)² + ‖δ‖² next to a vertex; the loss itself dips below it.
  const dropped = trainingNpHard(({ a }, gap) => ({
    num: BigInt(gap) ** 2n,
    den: 1n + a.reduce((s, v) => s + BigInt(v) * BigInt(v), 0n),
  }));
  assert.notEqual(await firstCaughtInstance(dropped, 1, "test"), null);
});
