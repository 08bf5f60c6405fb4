/** Mutation tests: a deliberately wrong formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { angle, reluLecunKernelClosedForm } from "../../models/ntk_kernels.ts";
import { lecunReluClosedForm } from "./lecun_relu_closed_form.ts";

Deno.test("ex-11.17 catches a closed form with sin and cos swapped", async () => {
  const wrong = (x: number[], z: number[]) => {
    const t = angle(x, z), d = x.length;
    return Math.hypot(...x) * Math.hypot(...z) / (2 * Math.PI * d) * (Math.cos(t) + (Math.PI - t) * Math.sin(t));
  };
  assert.notEqual(await firstCaughtInstance(lecunReluClosedForm(wrong), 1, "test"), null);
});

Deno.test("ex-11.17 catches the near miss ‖x‖‖z‖/(πd)(…): the constant 1/(2πd) off by 2", async () => {
  const doubled = (x: number[], z: number[]) => 2 * reluLecunKernelClosedForm(x, z);
  assert.notEqual(await firstCaughtInstance(lecunReluClosedForm(doubled), 1, "test"), null);
});
