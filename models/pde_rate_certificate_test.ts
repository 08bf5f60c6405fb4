import assert from "node:assert/strict";
import { pdeRateRun, RATIO_BUDGET } from "./pde_rate_certificate.ts";
import { PdeNetwork } from "./pde_network.ts";
import { integrate } from "../numerics/ode.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";

const samples = [{ x: [1, 0.5], A: [[1, 0], [0, 1]], b: [1, 0], c: 1 }, {
  x: [0.2, 1],
  A: [[1, 0.5], [0.5, 1]],
  b: [0, 1],
  c: 0.5,
}];

Deno.test("pdeRateRun: ρ(τ) = R_S(θ(τ))/R_S(θ⁰)·e^{cτ} on its grid, against an independent integration of the flow", () => {
  const net = new PdeNetwork(samples, [0.3, -0.2], 60), theta0 = net.initialise(createRng("pde-rate"), 0.5);
  const lambdaS = 2, c = 0.5, horizon = 2;
  const run = pdeRateRun(net, theta0, lambdaS, c, { horizon });
  assert.equal(run.taus[0], 0);
  assert.ok(Math.abs(run.taus.at(-1)! - horizon) < 1e-12);
  assert.equal(run.ratios[0], 1);
  assert.deepEqual([run.ratios.length, run.taus.length], [run.steps + 1, run.steps + 1]);
  assert.equal(run.observedMax, Math.max(...run.ratios));
  // λ_min(K̂^(a)(θ⁰))/λ_S.
  const lmin0 = symmetricEigen(net.gramA(theta0)).values[1];
  assert.ok(Math.abs(run.lambdaMin0 - lmin0 / lambdaS) < 1e-10 * Math.abs(lmin0));
  // The flow θ̇ = −∇R_S in t = n/(Nλ_S)·τ, integrated over all N neurons (the run drops the inactive ones).
  const scale = 2 / (60 * lambdaS), r0 = net.risk(theta0);
  const picks = [1, Math.floor(run.taus.length / 2), run.taus.length - 1];
  const sol = integrate(
    (_t, th) => net.riskGradient(th).map((g) => -g),
    0,
    theta0,
    picks.map((j) => scale * run.taus[j]),
    {
      rtol: 1e-11,
      atol: 1e-14,
    },
  );
  picks.forEach((j, k) => {
    const want = net.risk(sol.states[k]) / r0 * Math.exp(c * run.taus[j]);
    assert.ok(Math.abs(run.ratios[j] - want) < 1e-6 * want, `τ = ${run.taus[j]}: ${run.ratios[j]} vs ${want}`);
  });
  // The bound on sup ρ covers what was observed; μ is at most λ_min at θ⁰.
  assert.ok(run.supBound >= run.observedMax && run.muMin <= run.lambdaMin0 + 1e-12);
  assert.ok(RATIO_BUDGET > 0 && RATIO_BUDGET < 1e-3);
});

Deno.test("pdeRateRun: c = 0 gives ρ = R_S/R_S(θ⁰) ≤ 1 (the risk decreases); its tail ball is unbounded (sup bound ∞)", () => {
  const net = new PdeNetwork(samples, [0.3, -0.2], 40), theta0 = net.initialise(createRng("pde-rate-0"), 0.5);
  const run = pdeRateRun(net, theta0, 1, 0, { horizon: 1 });
  for (let j = 1; j < run.ratios.length; j++) assert.ok(run.ratios[j] <= run.ratios[j - 1] * (1 + 1e-12), `step ${j}`);
  // μ = cλ_S/2 = 0 makes the tail ball's radius √(2nR_S(θ(T))/(Nμ)) infinite: the tail argument cannot close.
  assert.ok(run.observedMax === 1 && run.supBound === Infinity);
  // A rate far above the flow's: ρ grows like e^{cτ}, so the last ratio is large.
  const fast = pdeRateRun(net, theta0, 1, 40, { horizon: 1 });
  assert.ok(fast.observedMax > 1 && fast.ratios.at(-1)! > 1 && !(fast.supBound <= 1));
  assert.equal(fast.steps, run.steps); // the same flow: the rate does not enter the trajectory
});

Deno.test("pdeRateRun: a θ⁰ with every neuron inactive at the samples is a constant flow: ρ = e^{cτ}, λ_min(K̂^(a)) = 0", () => {
  // wₖᵀxᵢ ≤ 0 at every sample for every k: φ(wₖ; xᵢ) = 0, no gradient, K̂^(a) = 0.
  const net = new PdeNetwork(samples, [0.3, -0.2], 3);
  const theta0 = Float64Array.of(1, -1, 2, -1, -1, -0.5, -2, -1, -0.1);
  const run = pdeRateRun(net, theta0, 1, 0.5, { horizon: 1 });
  assert.equal(run.lambdaMin0, 0);
  run.ratios.forEach((r, j) => assert.ok(Math.abs(r - Math.exp(0.5 * run.taus[j])) < 1e-12, `${r}`));
  assert.ok(run.observedMax > 1 && Number.isFinite(run.muMin) && run.muMin <= 0);
});
