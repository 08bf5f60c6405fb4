import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { aggregateRejects, mutantTest } from "../../testing/whole_run.ts";
import { linearFlowEigenbasis } from "./linear_flow_eigenbasis.ts";

Deno.test("eq-10.21 catches a wrong closed form: exp(−2Λt) in place of exp(−Λt)", async () => {
  const wrong = linearFlowEigenbasis((ls, u0, times) => ls.errorFlowClosedForm(u0, times.map((t) => 2 * t)));
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

mutantTest(
  import.meta.url,
  "linearFlowEigenbasisHeun",
  "eq-10.21's order test catches a second-order method (Heun) posing as GD: the gap is O(η²)",
  aggregateRejects,
);

Deno.test("eq-10.21's order plot labels each order by its own halving, also when one is skipped at rounding level", () => {
  const record = (index: number, orders: number[], halvings: number[]) => ({
    index,
    description: "",
    hypotheses: [],
    met: true,
    conclusion: { holds: true, observed: 0, bound: 1, tightness: 0, detail: "", data: { orders, halvings } },
  });
  const [plot] = linearFlowEigenbasis().plots!([record(0, [1, 1], [1, 2]), record(1, [1], [3])], undefined);
  const values = (plot.spec as { data: { values: { instance: number; halving: string }[] } }).data.values;
  assert.deepEqual(values.map((v) => `${v.instance}: ${v.halving}`), ["0: η/2 → η/4", "0: η/4 → η/8", "1: η/8 → η/16"]);
});
