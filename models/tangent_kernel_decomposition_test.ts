import assert from "node:assert/strict";
import { arctan, softplus } from "./activation.ts";
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
