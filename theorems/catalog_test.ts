/** One test per claim, named by its id: the claim must be verified, an erratum, or observed. */
import { runClaim } from "../engine/run.ts";
import { claims } from "./catalog.ts";

const seed = Number(Deno.env.get("CLAIM_SEED") ?? "1");
if (!Number.isSafeInteger(seed)) throw new Error(`CLAIM_SEED must be an integer, got ${Deno.env.get("CLAIM_SEED")}`);

for (const claim of claims) {
  Deno.test(claim.id, async () => {
    const { result } = await runClaim(claim, { seed, budget: "test" });
    const ok = result.status === "verified" || result.status === "erratum" || result.status === "observed";
    if (!ok) {
      const replay = result.replay ?? result.failures[0]?.replay;
      throw new Error(
        `${claim.id}: ${result.status} — ${result.reason}` +
          (result.failures[0] ? `\n  first failure: ${result.failures[0].detail}` : "") +
          (replay ? `\n  replay: ${replay}` : ""),
      );
    }
  });
}
