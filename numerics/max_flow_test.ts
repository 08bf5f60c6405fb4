import assert from "node:assert/strict";
import { FlowNetwork } from "./max_flow.ts";
import { createRng } from "./random.ts";

/** The size of a maximum bipartite matching by brute force over subsets of the left side's choices. */
function bruteMatching(adj: boolean[][]): number {
  const n = adj.length, m = adj[0].length;
  let best = 0;
  const used = new Array(m).fill(false);
  const go = (i: number, size: number) => {
    if (i === n) {
      best = Math.max(best, size);
      return;
    }
    go(i + 1, size);
    for (let j = 0; j < m; j++) {
      if (adj[i][j] && !used[j]) {
        used[j] = true;
        go(i + 1, size + 1);
        used[j] = false;
      }
    }
  };
  go(0, 0);
  return best;
}

Deno.test("max flow = maximum bipartite matching (König), against brute force on random graphs", () => {
  const rng = createRng(11);
  for (let trial = 0; trial < 40; trial++) {
    const n = rng.int(1, 6), m = rng.int(1, 6);
    const adj = Array.from({ length: n }, () => Array.from({ length: m }, () => rng.double() < 0.4));
    const g = new FlowNetwork(n + m + 2), s = n + m, t = s + 1;
    for (let i = 0; i < n; i++) g.addEdge(s, i, 1);
    for (let j = 0; j < m; j++) g.addEdge(n + j, t, 1);
    adj.forEach((row, i) => row.forEach((e, j) => e && g.addEdge(i, n + j, 1)));
    assert.equal(g.maxFlow(s, t), bruteMatching(adj));
  }
});

Deno.test("max flow equals the min cut on a network that needs a reverse (cancelling) augmentation", () => {
  // s=0, t=5: the greedy path 0→1→3→5 blocks 0→2→3; the optimum reroutes 1 through 4.
  const g = new FlowNetwork(6);
  g.addEdge(0, 1, 1);
  g.addEdge(0, 2, 1);
  g.addEdge(1, 3, 1);
  g.addEdge(1, 4, 1);
  g.addEdge(2, 3, 1);
  g.addEdge(3, 5, 1);
  g.addEdge(4, 5, 1);
  assert.equal(g.maxFlow(0, 5), 2);
  // More edges after a flow: the flow is kept and augmented.
  g.addEdge(0, 4, 3);
  g.addEdge(4, 5, 2);
  assert.equal(g.maxFlow(0, 5), 2);
});

Deno.test("max flow = min cut (brute force over the 2⁵ cuts) on random integer-capacity networks of 7 nodes", () => {
  const rng = createRng("flow-cut");
  for (let trial = 0; trial < 60; trial++) {
    const n = 7, s = 0, t = 6, cap = Array.from({ length: n }, () => new Array(n).fill(0));
    const g = new FlowNetwork(n);
    // Up to 42 arcs with multi-edges (more than the 32 pairs the arrays hold at first: they grow).
    const arcs = rng.int(10, 42);
    for (let k = 0; k < arcs; k++) {
      const u = rng.int(0, n - 1), v = rng.int(0, n - 1);
      if (u === v) continue;
      const c = rng.int(1, 9);
      g.addEdge(u, v, c);
      cap[u][v] += c;
    }
    let cut = Infinity;
    for (let mask = 0; mask < 1 << 5; mask++) {
      const side = (i: number) => i === s || (i !== t && ((mask >> (i - 1)) & 1) === 1);
      let c = 0;
      for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) if (side(u) && !side(v)) c += cap[u][v];
      cut = Math.min(cut, c);
    }
    assert.equal(g.maxFlow(s, t), cut, `trial ${trial}`);
  }
});

Deno.test("max flow: capacities on a chain (the bottleneck), none from s, and t unreachable", () => {
  const chain = new FlowNetwork(5);
  [[0, 1, 7], [1, 2, 3], [2, 3, 5], [3, 4, 4]].forEach(([u, v, c]) => chain.addEdge(u, v, c));
  assert.equal(chain.maxFlow(0, 4), 3);
  const parallel = new FlowNetwork(2);
  parallel.addEdge(0, 1, 2.5);
  parallel.addEdge(0, 1, 4);
  assert.equal(parallel.maxFlow(0, 1), 6.5);
  const none = new FlowNetwork(3);
  none.addEdge(1, 2, 5);
  assert.equal(none.maxFlow(0, 2), 0);
  const back = new FlowNetwork(3);
  back.addEdge(2, 1, 5);
  back.addEdge(1, 0, 5);
  assert.equal(back.maxFlow(0, 2), 0); // arcs point the wrong way
});
