import assert from "node:assert/strict";
import { arctan, relu, softplus } from "./activation.ts";
import { hiddenUnits, perNeuronMean, proofDecomposition } from "./tangent_kernel_decomposition.ts";
import { type Parametrisation, TwoLayerNetwork } from "./two_layer.ts";
import { createRng, gaussian } from "../numerics/random.ts";

const x = [0.5, -1, 2], z = [1, 0.25, -0.5];

for (const parametrisation of ["lecun", "ntk"] as Parametrisation[]) {
  Deno.test(`the proof's decomposition equals the Jacobian Gram (${parametrisation})`, () => {
    const net = TwoLayerNetwork.initialise(createRng(3), { d: 3, n: 50, parametrisation, activation: arctan }, {
      distribution: gaussian,
    });
    const K = net.tangentKernel([x, z]).get(0, 1);
    const dec = proofDecomposition(net, x, z, hiddenUnits(net, x), hiddenUnits(net, z));
    assert.ok(Math.abs(K - dec) <= 1e-12 * (1 + Math.abs(K)), `${K} vs ${dec}`);
  });

  Deno.test(`the per-neuron mean is s_n K̂ₙ − s_n (${parametrisation})`, () => {
    const net = TwoLayerNetwork.initialise(createRng(4), { d: 3, n: 40, parametrisation, activation: softplus }, {
      distribution: gaussian,
    });
    const s = parametrisation === "lecun" ? 1 / net.n : 1;
    const { mean, standardError } = perNeuronMean(net, x, z);
    // LeCun: K̂ = n·mean(T) + 1 (s_n = 1/n); NTK: K̂ = mean(T) + 1 (s_n = 1).
    const K = net.tangentKernel([x, z]).get(0, 1);
    assert.ok(Math.abs(s * K - (mean + s)) <= 1e-12 * (1 + Math.abs(K)), `${s * K} vs ${mean + s}`);
    assert.ok(standardError > 0);
  });
}

Deno.test("perNeuronMean and proofDecomposition by hand: two ReLU neurons, d = 1, one of them inactive", () => {
  // U = (2, −1), b = (0, 0.5), v = (3, 2), c = 0; x = 1, z = 2: pre-activations (2, −0.5) and (4, −1.5).
  for (const parametrisation of ["lecun", "ntk"] as Parametrisation[]) {
    const net = new TwoLayerNetwork({ d: 1, n: 2, parametrisation, activation: relu }, [2, -1, 0, 0.5, 3, 2, 0]);
    assert.deepEqual(Array.from(net.preactivation([1])), [2, -0.5]);
    // T₁ = (1 + xz)·v₁²·1·1 + 2·4 = 35 (d = 1: both parametrisations), T₂ = 0.
    const { mean, standardError } = perNeuronMean(net, [1], [2]);
    assert.equal(mean, 17.5);
    assert.ok(Math.abs(standardError - 17.5 / Math.SQRT2) < 1e-13, `${standardError}`);
    const dec = proofDecomposition(net, [1], [2], hiddenUnits(net, [1]), hiddenUnits(net, [2]));
    assert.equal(dec, parametrisation === "lecun" ? 35 + 1 : 35 / 2 + 1);
    assert.deepEqual(hiddenUnits(net, [2]), { f: Float64Array.of(4, 0), df: Float64Array.of(1, 0) });
  }
});
