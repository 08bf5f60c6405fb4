/**
 * `def-10.1` (Chapter 10, §10.3, after Definition 10.1): "If L is twice differentiable, then β-smoothness is
 * equivalent to the eigenvalues of ∇²L(w) being all at most β", with β-smooth meaning, as Definition 10.1
 * prints it, that ∇L is β-Lipschitz. Both directions are checked on rotated separable losses
 * L(w) = Σᵢ gᵢ(qᵢᵀw) (quadratic of either sign, softplus, cosine, log(1 + z²), a Gaussian bump, quartics of
 * either sign: convex and not, bounded curvature and not), each side decided by a verified numerical
 * witness or, failing one, a closed-form certificate. Two readings of "at most β": the printed one-sided
 * λ ≤ β, and the two-sided |λ| ≤ β (‖∇²L(w)‖₂ ≤ β) of the erratum.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim, ConclusionCheck, InstanceContext } from "../../engine/claim.ts";
import { bumpProfile, cosineProfile, type CurvatureProfile } from "../../models/curvature_profiles.ts";
import { logQuadraticProfile, quadraticProfile, quarticProfile } from "../../models/curvature_profiles.ts";
import { RotatedSeparableLoss, softplusProfile } from "../../models/curvature_profiles.ts";
import { norm } from "../../numerics/compare.ts";
import { EPS, Matrix, randomOrthogonal, symmetricEigen } from "../../numerics/linalg.ts";
import type { Rng } from "../../numerics/random.ts";

const SOURCE = "001_77e89cd23d3b82cd.txt";

/** A loss and a β. */
export interface SmoothnessInstance {
  /** L(w) = Σᵢ gᵢ(qᵢᵀw). */
  loss: RotatedSeparableLoss;
  /** β. */
  beta: number;
  /** Where β was put: 0 below sup λ_max, 1 between sup λ_max and sup |λ|, 2 above sup |λ|. */
  regime: number;
  /** Random points (in z-coordinates) where witnesses are also sought. */
  randomZ: Float64Array[];
}

/** What a side of the equivalence is, on one instance, and why. */
interface Decision {
  /** Its truth value, or undefined when neither a witness nor the certificate decides it. */
  value: boolean | undefined;
  /** The witness or certificate, in words. */
  why: string;
  /** The largest quantity found (λ, |λ| or a gradient quotient). */
  found: number;
}

/** The six profile families, by index; the amplitude is drawn from rng. */
function drawProfile(rng: Rng, family: number): CurvatureProfile {
  const a = 10 ** rng.uniform(-1, 1);
  switch (family) {
    case 0:
      return quadraticProfile(rng.double() < 0.5 ? a : -a);
    case 1:
      return softplusProfile(a);
    case 2:
      return cosineProfile(a);
    case 3:
      return logQuadraticProfile(a);
    case 4:
      return bumpProfile(a);
    default:
      return quarticProfile(rng.double() < 0.5 ? a : -a);
  }
}

function generate({ rng, index, params = {} }: InstanceContext): SmoothnessInstance {
  const drawnD = rng.int(1, 4);
  const d = params.d ?? drawnD;
  // Four kinds by index: 0 convex (c·z²/2 with c > 0, softplus, c·z⁴/12 with c > 0); 1 and 3 any mix of
  // the six families; 2 a mix whose first profile curves down more than anything curves up (c·z²/2 or
  // c·z⁴/12 with c < 0), with β put between sup λ_max and sup |λ| (where the two readings differ).
  const kind = index % 4;
  const profiles = Array.from({ length: d }, (_, k) => {
    const a = 10 ** rng.uniform(-1, 1);
    if (kind === 0) return [quadraticProfile(a), softplusProfile(a), quarticProfile(a)][rng.int(0, 2)];
    if (kind === 2 && k === 0) return rng.double() < 0.5 ? quadraticProfile(-10 * a) : quarticProfile(-a);
    return drawProfile(rng, rng.int(0, 5));
  });
  const q = randomOrthogonal(rng, d);
  const loss = new RotatedSeparableLoss(q, profiles);
  const top = Math.max(loss.supEigenvalue, 0), abs = loss.supAbsEigenvalue;
  const u = rng.uniform(0.05, 0.95), spread = 10 ** rng.uniform(0.01, 1);
  // β ≥ 0 in one of the regimes this loss has, kept 5% of the gap away from sup λ_max and sup |λ| so that
  // each side is decided: 0 below sup λ_max, 1 between sup λ_max and sup |λ|, 2 above sup |λ|.
  const feasible = [top > 0, abs > top, Number.isFinite(abs)];
  const drawnRegime = rng.int(0, 2);
  let regime = kind === 2 ? 1 : drawnRegime;
  while (!feasible[regime] && Number.isFinite(top)) regime = (regime + 1) % 3;
  if (!Number.isFinite(top)) regime = 0;
  const drawnBeta = !Number.isFinite(top) // unbounded curvature above: no β works on either side
    ? spread
    : regime === 0
    ? top * u
    : regime === 1
    ? (Number.isFinite(abs) ? top + (abs - top) * u : (top + 1) * spread)
    : abs * spread;
  const beta = params.beta ?? drawnBeta;
  const randomZ = Array.from({ length: 4 }, () => Float64Array.from({ length: d }, () => 3 * rng.normal()));
  return { loss, beta, regime, randomZ };
}

/** ‖QᵀQ − I‖_F plus its own rounding: δ bounds how far Q is from orthogonal. */
function orthogonalityDefect(q: Matrix): number {
  const g = q.transpose().mmul(q).sub(Matrix.eye(q.rows));
  return g.norm("frobenius") + 4 * q.rows * EPS;
}

/** Hessian eigen-decomposition at w = Qz, with the eigensolver's error bound 64·d·ε·‖H‖_F. */
function eigenAt(l: RotatedSeparableLoss, z: ArrayLike<number>) {
  const w = l.point(z);
  const h = l.hessian(w);
  const { values, vectors } = symmetricEigen(h);
  return { w, values, vectors, tol: 64 * l.dim * EPS * h.norm("frobenius") };
}

/** Candidate points z: every coordinate at its profile's largest g″ (then smallest), and the random ones. */
function candidates(i: SmoothnessInstance): Float64Array[] {
  const level = Math.abs(i.beta);
  return [
    Float64Array.from(i.loss.profiles, (p) => p.maxPoint(level)),
    Float64Array.from(i.loss.profiles, (p) => p.minPoint(level)),
    ...i.randomZ,
  ];
}

/**
 * "All eigenvalues of ∇²L(w) in [−factor·β·two, factor·β]" for every w, with `two` = 0 for the printed
 * one-sided reading (λ ≤ β) and 1 for the two-sided one (|λ| ≤ factor·β): false on a witness point, true
 * on the closed-form certificate sup ≤ threshold (Ostrowski: Q off orthogonal by δ moves each eigenvalue
 * by at most δ relatively).
 */
function eigenCondition(i: SmoothnessInstance, twoSided: boolean, factor: number): Decision {
  const threshold = factor * i.beta;
  let found = -Infinity;
  for (const z of candidates(i)) {
    const e = eigenAt(i.loss, z);
    const m = twoSided ? Math.max(...e.values.map(Math.abs)) : e.values[0];
    found = Math.max(found, m);
    if (m > threshold + e.tol) {
      return {
        value: false,
        found,
        why: `${twoSided ? "|λ|" : "λ"} = ${m.toExponential(4)} > ${threshold} at a point`,
      };
    }
  }
  const sup = twoSided ? i.loss.supAbsEigenvalue : i.loss.supEigenvalue;
  const certified = sup + 2 * orthogonalityDefect(i.loss.q) * Math.abs(sup);
  if (certified <= threshold) {
    return { value: true, found, why: `sup ${twoSided ? "|λ|" : "λ"} = ${sup.toExponential(4)} ≤ ${threshold}` };
  }
  return { value: undefined, found, why: `no witness, sup ${sup.toExponential(4)} above ${threshold}` };
}

/** A first-order rounding bound of one gradient evaluation Q g′(Qᵀw): 16(d + 4)ε(‖g′‖₁ + ‖g″‖∞‖w‖₁). */
function gradientRounding(l: RotatedSeparableLoss, w: Float64Array): number {
  const z = l.coordinates(w);
  const g1 = l.profiles.reduce((acc, p, k) => acc + Math.abs(p.dg(z[k])), 0);
  const g2 = Math.max(...l.profiles.map((p, k) => Math.abs(p.d2g(z[k]))));
  return 16 * (l.dim + 4) * EPS * (g1 + g2 * w.reduce((acc, x) => acc + Math.abs(x), 0));
}

/**
 * "∇L is β-Lipschitz" (Definition 10.1): false on a witness pair w ± tv along an eigenvector of the largest
 * |λ| at a candidate point (t = 10⁻², 10⁻³, 10⁻⁴) or a random pair, whose quotient
 * ‖∇L(w′) − ∇L(w)‖/‖w′ − w‖ exceeds β by more than both gradients' rounding over ‖w′ − w‖; true when
 * sup |λ| ≤ β (mean value inequality ‖∇L(w′) − ∇L(w)‖ ≤ sup‖∇²L‖·‖w′ − w‖).
 */
function betaSmooth(i: SmoothnessInstance): Decision {
  const l = i.loss, beta = i.beta;
  let found = 0;
  const quotient = (a: Float64Array, b: Float64Array): Decision | undefined => {
    const ga = l.gradient(a), gb = l.gradient(b);
    const dw = norm(a.map((x, k) => x - b[k]));
    const r = norm(ga.map((x, k) => x - gb[k])) / dw;
    found = Math.max(found, r);
    const tol = (gradientRounding(l, a) + gradientRounding(l, b)) / dw + 4 * EPS * Math.abs(beta);
    if (r > beta + tol) return { value: false, found, why: `‖Δ∇L‖/‖Δw‖ = ${r.toExponential(4)} > β at a pair` };
  };
  const zs = candidates(i);
  for (const z of zs.slice(0, 2)) {
    const e = eigenAt(l, z);
    let k = 0;
    e.values.forEach((v, j) => (Math.abs(v) > Math.abs(e.values[k]) ? (k = j) : 0));
    const v = Float64Array.from(e.vectors.getColumn(k));
    for (const t of [1e-2, 1e-3, 1e-4]) {
      const d = quotient(e.w.map((x, j) => x + t * v[j]), e.w.map((x, j) => x - t * v[j]));
      if (d) return d;
    }
  }
  for (let j = 2; j + 1 < zs.length; j += 2) {
    const d = quotient(l.point(zs[j]), l.point(zs[j + 1]));
    if (d) return d;
  }
  const sup = l.supAbsEigenvalue;
  if (sup + 2 * orthogonalityDefect(l.q) * sup <= beta) {
    return { value: true, found, why: `sup|λ| = ${sup.toExponential(4)} ≤ β` };
  }
  return { value: undefined, found, why: `no witness pair, sup|λ| = ${sup.toExponential(4)} > β` };
}

/** Both directions of "β-smooth ⇔ eigenvalue condition" on one instance. */
function equivalence(i: SmoothnessInstance, twoSided: boolean, factor: number): ConclusionCheck {
  const s = betaSmooth(i), e = eigenCondition(i, twoSided, factor);
  const reading = twoSided ? `|λ| ≤ ${factor === 1 ? "" : factor}β` : "λ ≤ β";
  const detail = `β = ${i.beta.toPrecision(4)}; β-smooth: ${s.value} (${s.why}); ${reading}: ${e.value} (${e.why})`;
  // Tightness: when the eigenvalue condition holds (the claim then promises β-smoothness), the largest
  // gradient quotient found over β; when it fails (the claim promises non-smoothness), β over it.
  const tightness = e.value === false ? i.beta / s.found : s.found / i.beta;
  if (s.value === undefined || e.value === undefined) {
    return { holds: false, undecided: detail, observed: s.found, bound: i.beta, tightness, detail };
  }
  const forward = !s.value || e.value, backward = !e.value || s.value;
  return {
    holds: forward && backward,
    observed: s.found,
    bound: i.beta,
    tightness,
    detail: `${forward ? "" : "⇒ fails: "}${backward ? "" : "⇐ fails: "}${detail}`,
  };
}

/**
 * `def-10.1`: β-smoothness ⇔ the eigenvalues of ∇²L(w) all at most β. `factor` scales the two-sided
 * corrected condition (|λ| ≤ factor·β) so that a wrong constant can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { smoothnessHessianEquivalence } from "./smoothness_hessian_equivalence.ts";
 * assert.equal(smoothnessHessianEquivalence().id, "def-10.1");
 * ```
 */
export function smoothnessHessianEquivalence(factor = 1): Claim {
  return defineClaim<SmoothnessInstance>({
    id: "def-10.1",
    title: "β-smoothness and the eigenvalues of the Hessian",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 10, §10.3, Definition 10.1 and the sentence after it" },
    statement: String
      .raw`**Definition 10.1.** A differentiable $\mathcal L:\mathbb R^d\to\mathbb R$ is $\beta$-smooth for
$\beta \ge 0$ if its gradient $\nabla\mathcal L$ is $\beta$-Lipschitz: $\|\nabla\mathcal L(w') - \nabla\mathcal L(w)\| \le \beta\|w' - w\|$
for all $w, w'$. If $\mathcal L$ is twice differentiable, then $\beta$-smoothness is equivalent to the eigenvalues of
$\nabla^2\mathcal L(w)$ being all at most $\beta$.`,
    tightness:
      "when the eigenvalue condition holds, the largest gradient quotient ‖Δ∇L‖/‖Δw‖ found over β (> 1: not β-smooth); when it fails, β over that quotient",
    instances: { test: 40, report: 600 },
    generate,
    describe: (i) =>
      `d = ${i.loss.dim}, ${i.loss.convex ? "convex" : "non-convex"}: ${
        i.loss.profiles.map((p) => p.name).join(" + ")
      }; β = ${i.beta.toPrecision(4)} (regime ${i.regime})`,
    hypotheses: [{
      statement: String.raw`$\mathcal L$ twice differentiable, $\beta \ge 0$`,
      certainty: "certified",
      method: "every profile is C^∞ in closed form; β checked exactly",
      check: (i) => ({ holds: i.beta >= 0, value: `β = ${i.beta}` }),
    }, {
      statement: "(numerical) $Q$ orthogonal to $\\lVert Q^\\top Q - I\\rVert_F \\le 10^{-12}$",
      certainty: "certified",
      method: "‖QᵀQ − I‖_F computed, plus its rounding",
      check: (i) => {
        const delta = orthogonalityDefect(i.loss.q);
        return { holds: delta <= 1e-12, value: `δ = ${delta.toExponential(2)}` };
      },
    }],
    conclusion: {
      statement: String.raw`Reading A (as printed, one-sided): $\nabla\mathcal L$ is $\beta$-Lipschitz $\iff$
$\lambda_{\max}(\nabla^2\mathcal L(w)) \le \beta$ for all $w$. Each side is decided by a witness verified in float64
(a point with $\lambda > \beta$ beyond the eigensolver's bound; a pair with $\|\Delta\nabla\mathcal L\|/\|\Delta w\| > \beta$
beyond the gradients' rounding) or else by the closed-form certificate; both directions must hold.`,
      check: (i) => equivalence(i, false, 1),
    },
    erratum: {
      printed: String.raw`$\beta$-smooth $\iff$ the eigenvalues of $\nabla^2\mathcal L(w)$ are all at most $\beta$`,
      corrected: String.raw`Reading B: $\beta$-smooth $\iff$ the eigenvalues of $\nabla^2\mathcal L(w)$ all lie in
$[-\beta, \beta]$, i.e. $\|\nabla^2\mathcal L(w)\|_2 \le \beta$ for all $w$`,
      reasoning: String.raw`With Definition 10.1's β-smooth (∇L β-Lipschitz), ⇒ holds as printed (λ ≤ ‖∇²L‖ ≤ β) but
⇐ fails for every non-convex loss with negative curvature below −β: L(w) = −(c/2)‖w‖², c > β, has all eigenvalues
−c ≤ β and ‖∇L(w′) − ∇L(w)‖ = c‖w′ − w‖; L(w) = −w⁴ has eigenvalues ≤ 0 and no Lipschitz gradient at all. The
two-sided condition is the classical equivalent (mean value inequality one way, the limit of difference quotients
along an eigenvector the other). For convex L the two readings coincide. The one-sided condition is equivalent
instead to the upper quadratic bound L(w′) ≤ L(w) + ∇L(w)·(w′ − w) + (β/2)‖w′ − w‖², which is all Lemma 10.2 uses
after (10.51), so the lemma holds under either reading.`,
      check: (i) => equivalence(i, true, factor),
      scope: {
        statement: String
          .raw`for convex $\mathcal L$, where both readings coincide (more generally wherever no eigenvalue of $\nabla^2\mathcal L$ falls below $-\beta$)`,
        contains: (i) => i.loss.convex,
      },
      readings: [
        { reading: String.raw`A, as printed: every eigenvalue $\lambda \le \beta$`, decidedBy: "printed" },
        {
          reading: String.raw`B: every eigenvalue $|\lambda| \le \beta$, i.e. $\|\nabla^2\mathcal L\|_2 \le \beta$`,
          decidedBy: "corrected",
        },
      ],
    },
    parameters: {
      d: { type: "integer", min: 1, max: 8, help: "dimension of w" },
      beta: { type: "number", min: -5, max: 100, help: "β (the hypothesis is β ≥ 0; drawn relative to the curvature)" },
    },
    scenarios: [{
      name: "negative-beta",
      breaks: "$\\beta \\ge 0$: $\\beta = -1$ (no gradient is −1-Lipschitz, yet a concave quadratic has λ ≤ −1)",
      params: { beta: -1 },
    }],
    nearMiss: {
      mutant: "the corrected condition with a constant off by 2: β-smooth ⇔ |λ(∇²L(w))| ≤ 2β",
      caughtBy:
        '`smoothness_hessian_equivalence_test.ts`, "def-10.1 catches the near miss β-smooth ⇔ |λ| ≤ 2β (a constant off by 2): the run is falsified"',
    },
  });
}
