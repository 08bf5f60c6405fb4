import { falsified, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const exponentThreeHalves = startWholeRun(
  new URL("./kappa_width_decay_mutants.ts", import.meta.url),
  "kappaWidthDecayExponentThreeHalves",
);

Deno.test(
  "eq-10.47 catches a bound exponent of −3/2 (κ ≲ d_hid^{-3/2})",
  async () => falsified(await wholeRun(exponentThreeHalves)),
);
