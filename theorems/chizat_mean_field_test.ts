import assert from "node:assert/strict";
import { runClaim } from "../engine/run.ts";
import { chizatGlobalConvergence, chizatMeanField, teacherStudentData } from "./chizat_mean_field.ts";
import { MeanFieldNetwork, relu } from "../models/mean_field.ts";

Deno.test("chizat-mean-field catches a scaling without an m-independent limit (NTK: f = Σφ/√m, dw/dt = −∇F)", async () => {
  const ntk = { outputScale: (m: number) => 1 / Math.sqrt(m), velocityExponent: 0 };
  // One instance per width (7) is enough to see a gap that does not shrink.
  const claim = { ...chizatMeanField(ntk), instances: { test: 7, report: 7 } };
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});

Deno.test("chizat-global-convergence catches a wrong gradient (ReLU with the derivative 1[z < 0])", async () => {
  const wrong = { name: "ReLU, wrong σ′", value: relu.value, derivative: (z: number) => (z < 0 ? 1 : 0) };
  // One run per width.
  const claim = { ...chizatGlobalConvergence(wrong), instances: { test: 4, report: 4 } };
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});

Deno.test("the 5-neuron teacher fits its own data exactly and a zero network does not", () => {
  const data = teacherStudentData();
  const zero = new MeanFieldNetwork(1, 2, relu).loss(new Float64Array(4), data);
  assert.ok(zero > 1, `F(0) = ${zero}`);
});
