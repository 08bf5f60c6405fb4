import { falsified, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";

const exponentThreeHalves = startWholeRun(
  new URL("./kappa_width_decay_mutants.ts", import.meta.url),
  "kappaWidthDecayExponentThreeHalves",
);

Deno.test(
  "eq-10.47 catches a bound exponent of −3/2 (κ ≲ d_hid^{-3/2})",
  async () => {
    const run = await wholeRun(exponentThreeHalves);
    falsified(run);
    testsMatchVerdict(run);
  },
);

const printed = startWholeRun(new URL("./kappa_width_decay.ts", import.meta.url), "kappaWidthDecay");

Deno.test("eq-10.47: its exponent tests do not reject the printed bound", async () => {
  testsMatchVerdict(await wholeRun(printed));
});
