/**
 * The two-layer networks of Chapter 11: the LeCun network Φ(x, w) = vᵀσ(Ux + b) + c (11.5.1) with
 * initialisation (11.5.3), and the NTK-parametrised network Φ(x, w) = n^{-1/2}vᵀσ(d^{-1/2}Ux + b) + c
 * (11.6.1) with (11.6.2); biases zero or iid D(0, ς_b²) ((11.6.4), (11.5.11)). Parameters are one
 * flat Float64Array w = (U row-major, b, v, c), as the text collects them, so that the network can be
 * trained by gradient descent on w directly.
 *
 * @module
 */
import { Matrix } from "../numerics/linalg.ts";
import type { Distribution, Rng } from "../numerics/random.ts";
import type { Activation } from "./activation.ts";

/** "lecun": (11.5.1) with (11.5.3); "ntk": (11.6.1) with (11.6.2). */
export type Parametrisation = "lecun" | "ntk";

/** Shape and architecture of a two-layer network. */
export interface TwoLayerSpec {
  /** Input dimension d. */
  d: number;
  /** Width n. */
  n: number;
  /** Which architecture: (11.5.1) or (11.6.1). */
  parametrisation: Parametrisation;
  /** The activation σ. */
  activation: Activation;
}

/** How the parameters are drawn. */
export interface InitialisationSpec {
  /** D(0,1) of Assumption 11.14. */
  distribution: Distribution;
  /**
   * ς² scaling the weight variances (1 in (11.5.3) and (11.6.2); 3 in (11.5.11)): LeCun draws
   * U ~ D(0, ς²/d), v ~ D(0, ς²/n); NTK draws U, v ~ D(0, ς²).
   */
  weightVariance?: number;
  /** Variance of the biases b and c: 0 (zero biases, default), 1 for (11.6.4), 2 for (11.5.11). */
  biasVariance?: number;
}

/** Views into the flat parameter vector w = (U, b, v, c). */
export interface ParameterView {
  /** U, n×d row-major (row i is uᵢ). */
  U: Float64Array;
  /** b ∈ ℝⁿ. */
  b: Float64Array;
  /** v ∈ ℝⁿ. */
  v: Float64Array;
  /** c. */
  c: number;
}

/**
 * A two-layer network Φ(x, w), LeCun (11.5.1) or NTK-parametrised (11.6.1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TwoLayerNetwork } from "./two_layer.ts";
 * import { relu } from "./activation.ts";
 * import { createRng, gaussian } from "../numerics/random.ts";
 * const net = TwoLayerNetwork.initialise(createRng(1), { d: 2, n: 64, parametrisation: "lecun", activation: relu },
 *   { distribution: gaussian });
 * const K = net.tangentKernel([[1, 0], [0, 1]]);
 * assert.ok(K.rows === 2 && net.gradient([1, 0]).length === net.parameterCount);
 * ```
 */
export class TwoLayerNetwork {
  /** Input dimension. */
  readonly d: number;
  /** Width. */
  readonly n: number;
  /** Architecture. */
  readonly parametrisation: Parametrisation;
  /** Activation. */
  readonly activation: Activation;
  /** The parameters w = (U row-major, b, v, c), length n(d+2)+1. */
  readonly params: Float64Array;

  /**
   * A network with the given parameters (copied unless `share` is true).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * // d = 1, n = 1: U = 2, b = 0, v = 3, c = 1, so Φ(x) = 3·relu(2x) + 1.
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * assert.equal(net.forward([1]), 7);
   * ```
   */
  constructor(spec: TwoLayerSpec, params: ArrayLike<number>, share = false) {
    const { d, n } = spec;
    if (!(Number.isInteger(d) && d > 0 && Number.isInteger(n) && n > 0)) {
      throw new RangeError(`bad shape d=${d} n=${n}`);
    }
    if (params.length !== n * (d + 2) + 1) {
      throw new RangeError(`expected ${n * (d + 2) + 1} parameters, got ${params.length}`);
    }
    this.d = d;
    this.n = n;
    this.parametrisation = spec.parametrisation;
    this.activation = spec.activation;
    this.params = share && params instanceof Float64Array ? params : Float64Array.from(params);
  }

  /**
   * Draws w₀: LeCun (11.5.3) U ~ D(0, ς²/d), v ~ D(0, ς²/n); NTK (11.6.2) U, v ~ D(0, ς²); biases b, c
   * zero or iid D(0, biasVariance) ((11.6.4), (11.5.11)). Draw order: U row-major, b, v, c.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { arctan } from "./activation.ts";
   * import { createRng, uniformSqrt3 } from "../numerics/random.ts";
   * const net = TwoLayerNetwork.initialise(createRng(3), { d: 3, n: 10, parametrisation: "ntk", activation: arctan },
   *   { distribution: uniformSqrt3, biasVariance: 1 });
   * assert.ok(net.view().b.some((b) => b !== 0));
   * ```
   */
  static initialise(rng: Rng, spec: TwoLayerSpec, init: InitialisationSpec): TwoLayerNetwork {
    const { d, n } = spec;
    const s2 = init.weightVariance ?? 1, b2 = init.biasVariance ?? 0;
    const uScale = Math.sqrt(spec.parametrisation === "lecun" ? s2 / d : s2);
    const vScale = Math.sqrt(spec.parametrisation === "lecun" ? s2 / n : s2);
    const bScale = Math.sqrt(b2);
    const w = new Float64Array(n * (d + 2) + 1);
    const D = init.distribution;
    for (let k = 0; k < n * d; k++) w[k] = uScale * D.sample(rng);
    for (let i = 0; i < n; i++) w[n * d + i] = b2 > 0 ? bScale * D.sample(rng) : 0;
    for (let i = 0; i < n; i++) w[n * (d + 1) + i] = vScale * D.sample(rng);
    w[n * (d + 2)] = b2 > 0 ? bScale * D.sample(rng) : 0;
    // Refused at once: a network from a NaN or infinite draw would be trained to the end in NaN. (A plain loop:
    // `w.every(Number.isFinite)` cost about 5% of prop-11.28's run, which draws 2·10⁴ networks, and about a fifth of
    // a wide draw, 2¹⁸ neurons, in thm-11.16.)
    for (let k = 0; k < w.length; k++) {
      if (!Number.isFinite(w[k])) throw new Error("an initial weight is not finite (a draw gave NaN or ±∞)");
    }
    return new TwoLayerNetwork(spec, w, true);
  }

  /** The architecture of this network (to build another with other parameters). */
  get spec(): TwoLayerSpec {
    return { d: this.d, n: this.n, parametrisation: this.parametrisation, activation: this.activation };
  }

  /** n(d+2)+1. */
  get parameterCount(): number {
    return this.n * (this.d + 2) + 1;
  }

  /**
   * Views of U, b, v (sharing memory with w) and the value of c.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 2, parametrisation: "lecun", activation: relu }, [1, 2, 3, 4, 5, 6, 7]);
   * const { U, b, v, c } = net.view();
   * assert.ok(U[1] === 2 && b[0] === 3 && v[1] === 6 && c === 7);
   * ```
   */
  view(w: Float64Array = this.params): ParameterView {
    const { n, d } = this;
    return {
      U: w.subarray(0, n * d),
      b: w.subarray(n * d, n * (d + 1)),
      v: w.subarray(n * (d + 1), n * (d + 2)),
      c: w[n * (d + 2)],
    };
  }

  /** Input scale of the hidden layer: 1 (11.5.1) or d^{-1/2} (11.6.1). */
  get inputScale(): number {
    return this.parametrisation === "lecun" ? 1 : 1 / Math.sqrt(this.d);
  }

  /** Output scale: 1 (11.5.1) or n^{-1/2} (11.6.1). */
  get outputScale(): number {
    return this.parametrisation === "lecun" ? 1 : 1 / Math.sqrt(this.n);
  }

  /**
   * Hidden pre-activations Ux + b (11.5.1) or d^{-1/2}Ux + b (11.6.1).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 1, 0, 0]);
   * assert.equal(net.preactivation([3])[0], 7);
   * ```
   */
  preactivation(x: ArrayLike<number>, w: Float64Array = this.params): Float64Array {
    const { n, d } = this;
    if (x.length !== d) throw new RangeError(`input has length ${x.length}, expected ${d}`);
    const s = this.inputScale, out = new Float64Array(n);
    // Hot loop: O(nd).
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let j = 0; j < d; j++) a += w[i * d + j] * x[j];
      out[i] = s * a + w[n * d + i];
    }
    return out;
  }

  /**
   * Φ(x, w) ((11.5.1) or (11.6.1)).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "ntk", activation: relu }, [2, 0, 3, 1]);
   * assert.equal(net.forward([1]), 7);
   * ```
   */
  forward(x: ArrayLike<number>, w: Float64Array = this.params): number {
    const { n, d } = this;
    if (x.length !== d) throw new RangeError(`input has length ${x.length}, expected ${d}`);
    const si = this.inputScale, sigma = this.activation.f, nd = n * d, vOff = n * (d + 1);
    let s = 0;
    // Hot loop: O(nd). The pre-activation zᵢ of `preactivation` (the same operations) formed in place: a new
    // Float64Array(n) per call was most of the forward pass's cost after σ (prop-11.28, prop-11.26 profiles).
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let j = 0; j < d; j++) a += w[i * d + j] * x[j];
      s += w[vOff + i] * sigma(si * a + w[nd + i]);
    }
    return this.outputScale * s + w[n * (d + 2)];
  }

  /**
   * Φ at each input of a batch.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [1, 0, 1, 0]);
   * assert.equal(net.forwardBatch([[-1], [2]]).join(), "0,2");
   * ```
   */
  forwardBatch(xs: ArrayLike<number>[], w: Float64Array = this.params): Float64Array {
    const out = new Float64Array(xs.length);
    for (let a = 0; a < xs.length; a++) out[a] = this.forward(xs[a], w);
    return out;
  }

  /**
   * ∇_wΦ(x, w) in closed form, laid out like w = (U, b, v, c): (11.5.2) for LeCun, (11.6.3) for NTK; written into
   * `out` (every entry overwritten) if given, else into a new array.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * // ∇_U = v σ'(Ux) x = 3, ∇_b = 3, ∇_v = σ(2) = 2, ∇_c = 1.
   * assert.equal(net.gradient([1]).join(), "3,3,2,1");
   * ```
   */
  gradient(x: ArrayLike<number>, w: Float64Array = this.params, out?: Float64Array): Float64Array {
    const g = out ?? new Float64Array(this.parameterCount);
    this.valueAndGradient(x, g, w);
    return g;
  }

  /**
   * Φ(x, w), with ∇_wΦ(x, w) written into `g` (length n(d+2)+1, every entry overwritten): the numbers of `forward`
   * and `gradient`, with σ(zᵢ) and zᵢ evaluated once for both (training loops need both at the same w).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * const g = new Float64Array(4);
   * assert.equal(net.valueAndGradient([1], g), 7);
   * assert.equal(g.join(), "3,3,2,1");
   * ```
   */
  valueAndGradient(x: ArrayLike<number>, g: Float64Array, w: Float64Array = this.params): number {
    const { n, d } = this;
    if (x.length !== d) throw new RangeError(`input has length ${x.length}, expected ${d}`);
    if (g.length !== n * (d + 2) + 1) {
      throw new RangeError(`gradient buffer has length ${g.length}, expected ${n * (d + 2) + 1}`);
    }
    const { f, df } = this.activation;
    const si = this.inputScale, so = this.outputScale, nd = n * d, vOff = n * (d + 1);
    let s = 0;
    // Hot loop: O(nd). zᵢ as in `preactivation` (the same operations, no array), Φ's sum as in `forward`.
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let j = 0; j < d; j++) a += w[i * d + j] * x[j];
      const z = si * a + w[nd + i], fz = f(z);
      const gb = so * w[vOff + i] * df(z); // ∇_b: n^{-1/2}·v ⊙ σ′ (or v ⊙ σ′)
      for (let j = 0; j < d; j++) g[i * d + j] = gb * si * x[j]; // ∇_U = ∇_b·(d^{-1/2}x)ᵀ
      g[nd + i] = gb;
      g[vOff + i] = so * fz; // ∇_v
      s += w[vOff + i] * fz;
    }
    g[n * (d + 2)] = 1; // ∇_c
    return this.outputScale * s + w[n * (d + 2)];
  }

  /**
   * The Jacobian ∇_wΦ(X, w) on a batch: one row per input, each of length n(d+2)+1.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * assert.equal(net.jacobian([[1], [-1]])[1].join(), "0,0,0,1");
   * ```
   */
  jacobian(xs: ArrayLike<number>[], w: Float64Array = this.params): Float64Array[] {
    return xs.map((x) => this.gradient(x, w));
  }

  /**
   * Φ(X, w) and the Jacobian ∇_wΦ(X, w) from one pass over each input: `valueAndGradient` per input, so each output
   * has the bits of `forward` and each row those of `jacobian` (the same operations in the same order), with zᵢ and
   * σ(zᵢ) evaluated once for both. GD loops that need both at the same w spent about two thirds of their CPU
   * computing them separately (thm-11.13, rem-11.29, gp-11.5.5 profiles). `rows`, if given, is reused (one buffer
   * of length n(d+2)+1 per input, every entry overwritten).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * const { outputs, rows } = net.outputsAndJacobian([[1], [-1]]);
   * assert.equal(outputs.join(), "7,1");
   * assert.equal(rows[0].join(), "3,3,2,1");
   * assert.equal(rows[1].join(), "0,0,0,1");
   * ```
   */
  outputsAndJacobian(
    xs: ArrayLike<number>[],
    w: Float64Array = this.params,
    rows?: Float64Array[],
  ): { outputs: Float64Array; rows: Float64Array[] } {
    if (rows !== undefined && rows.length !== xs.length) {
      throw new RangeError(`${rows.length} Jacobian rows given for ${xs.length} inputs`);
    }
    const P = this.parameterCount, outputs = new Float64Array(xs.length);
    const out = rows ?? Array.from({ length: xs.length }, () => new Float64Array(P));
    for (let a = 0; a < xs.length; a++) outputs[a] = this.valueAndGradient(xs[a], out[a], w);
    return { outputs, rows: out };
  }

  /**
   * The empirical tangent kernel matrix K̂ᵢⱼ = ⟨∇_wΦ(xᵢ, w), ∇_wΦ(xⱼ, w)⟩ (Sections 11.5.2, 11.6.2).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * assert.equal(net.tangentKernel([[1]]).get(0, 0), 9 + 9 + 4 + 1);
   * ```
   */
  tangentKernel(xs: ArrayLike<number>[], w: Float64Array = this.params): Matrix {
    const J = this.jacobian(xs, w), m = xs.length;
    const K = new Matrix(m, m);
    for (let i = 0; i < m; i++) {
      for (let j = i; j < m; j++) {
        const a = J[i], b = J[j];
        let s = 0;
        // Hot loop: O(n(d+2)).
        for (let k = 0; k < a.length; k++) s += a[k] * b[k];
        K.set(i, j, s);
        K.set(j, i, s);
      }
    }
    return K;
  }

  /**
   * The square loss f(w) = Σᵢ(Φ(xᵢ, w) − yᵢ)² of (11.0.1b).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * assert.equal(net.loss([[1]], [5]), 4); // Φ(1) = 7
   * ```
   */
  loss(xs: ArrayLike<number>[], ys: ArrayLike<number>, w: Float64Array = this.params): number {
    let s = 0;
    xs.forEach((x, i) => (s += (this.forward(x, w) - ys[i]) ** 2));
    return s;
  }

  /**
   * ∇f(w) = 2Σᵢ(Φ(xᵢ, w) − yᵢ)∇_wΦ(xᵢ, w) for the loss (11.0.1b), laid out like w (for w_{k+1} = w_k − h∇f(w_k)).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * assert.equal(net.lossGradient([[1]], [5]).join(), "12,12,8,4"); // 2·2·(3, 3, 2, 1)
   * ```
   */
  lossGradient(xs: ArrayLike<number>[], ys: ArrayLike<number>, w: Float64Array = this.params): Float64Array {
    const g = new Float64Array(this.parameterCount), gi = new Float64Array(this.parameterCount);
    for (let i = 0; i < xs.length; i++) {
      // Φ(xᵢ, w) and ∇_wΦ(xᵢ, w) in one pass, into one buffer (the numbers of `forward` and `gradient`).
      const r = 2 * (this.valueAndGradient(xs[i], gi, w) - ys[i]);
      for (let k = 0; k < g.length; k++) g[k] += r * gi[k];
    }
    return g;
  }

  /**
   * The same network with other parameters (for training: w_{k+1} = w_k − h∇f(w_k)).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerNetwork } from "./two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
   * assert.equal(net.withParams([1, 0, 1, 0]).forward([2]), 2);
   * ```
   */
  withParams(w: ArrayLike<number>): TwoLayerNetwork {
    return new TwoLayerNetwork(this.spec, w);
  }
}
