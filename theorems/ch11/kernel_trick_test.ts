import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { Matrix, solve } from "ml-matrix";
import { kernelTrick } from "./kernel_trick.ts";

Deno.test("prop-11.9 catches kernel ridge regression α = (G + I)⁻¹y in place of a minimiser of ‖Gα − y‖", async () => {
  const ridge = (g: Matrix, y: Float64Array) =>
    Float64Array.from(solve(g.clone().add(Matrix.eye(g.rows)), Matrix.columnVector(Array.from(y))).getColumn(0));
  assert.notEqual(await firstCaughtInstance(kernelTrick(ridge), 1, "test"), null);
});

Deno.test("prop-11.9 catches the near miss kernel ridge α = (G + λI)⁻¹y with λ = 10⁻⁶‖G‖_F", async () => {
  const ridge = (g: Matrix, y: Float64Array) =>
    Float64Array.from(
      solve(g.clone().add(Matrix.eye(g.rows).mul(1e-6 * g.norm("frobenius"))), Matrix.columnVector(Array.from(y)))
        .getColumn(0),
    );
  assert.notEqual(await firstCaughtInstance(kernelTrick(ridge), 1, "test"), null);
});
