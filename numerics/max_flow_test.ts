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
