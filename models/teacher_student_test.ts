import assert from "node:assert/strict";
import { teacherStudentData } from "./teacher_student.ts";
import { MeanFieldNetwork } from "./mean_field.ts";
import { relu } from "./activation.ts";

Deno.test("the 5-neuron teacher fits its own data exactly and a zero network does not", () => {
  const data = teacherStudentData();
  const zero = new MeanFieldNetwork(1, 2, relu).loss(new Float64Array(4), data);
  assert.ok(zero > 1, `F(0) = ${zero}`);
});
