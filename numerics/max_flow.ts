/**
 * Maximum flow by Dinic's algorithm (BFS level graph, DFS blocking flow with current-arc pointers) on integer
 * capacities, after a greedy pass over the paths s → u → v → t. Used to decide whether a transport plan exists
 * between two discrete measures on a bipartite graph of allowed pairs (Hall's condition in its flow form).
 *
 * @module
 */

/** A flow network on nodes 0..n−1 built edge by edge (edges in typed arrays that grow by doubling). */
export class FlowNetwork {
  readonly n: number;
  #to = new Int32Array(64);
  #cap = new Float64Array(64);
  #next = new Int32Array(64);
  #edges = 0;
  #head: Int32Array;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { FlowNetwork } from "./max_flow.ts";
   * // Two parallel paths 0→1→3 (cap 2) and 0→2→3 (cap 3, bottleneck 1): max flow 3.
   * const g = new FlowNetwork(4);
   * g.addEdge(0, 1, 2); g.addEdge(1, 3, 5); g.addEdge(0, 2, 3); g.addEdge(2, 3, 1);
   * assert.equal(g.maxFlow(0, 3), 3);
   * ```
   */
  constructor(n: number) {
    this.n = n;
    this.#head = new Int32Array(n).fill(-1);
  }

  /** Adds the edge u → v with capacity `cap` (and its residual reverse edge). */
  addEdge(u: number, v: number, cap: number): void {
    const e = this.#edges;
    if (e + 2 > this.#to.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(2 * a.length);
        b.set(a);
        return b;
      };
      this.#to = grow(this.#to);
      this.#cap = grow(this.#cap);
      this.#next = grow(this.#next);
    }
    this.#to[e] = v;
    this.#cap[e] = cap;
    this.#next[e] = this.#head[u];
    this.#head[u] = e;
    this.#to[e + 1] = u;
    this.#cap[e + 1] = 0;
    this.#next[e + 1] = this.#head[v];
    this.#head[v] = e + 1;
    this.#edges = e + 2;
  }

  /** The maximum flow from s to t (the network's capacities are consumed). */
  maxFlow(s: number, t: number): number {
    const level = new Int32Array(this.n), it = new Int32Array(this.n), queue = new Int32Array(this.n);
    const to = this.#to, cap = this.#cap, next = this.#next, head = this.#head;
    // Greedy start: augment along the paths s → u → v → t first (one pass), so Dinic's phases only reroute the rest.
    const toT = new Int32Array(this.n).fill(-1);
    for (let e = head[t]; e !== -1; e = next[e]) if (cap[e ^ 1] > 0) toT[to[e]] = e ^ 1;
    let flow = 0;
    // Only paths through two interior nodes u ≠ v: with u or v = s or t (an arc s → t, an arc into s or out of t) the
    // three arcs need not be distinct, and one minimum over them would push through an arc twice its capacity.
    for (let e1 = head[s]; e1 !== -1; e1 = next[e1]) {
      const u = to[e1];
      if (u === s || u === t) continue;
      for (let e2 = head[u]; e2 !== -1 && cap[e1] > 0; e2 = next[e2]) {
        const v = to[e2], e3 = toT[v];
        if (v === s || v === u || cap[e2] <= 0 || e3 < 0 || cap[e3] <= 0) continue;
        const f = Math.min(cap[e1], cap[e2], cap[e3]);
        cap[e1] -= f;
        cap[e1 ^ 1] += f;
        cap[e2] -= f;
        cap[e2 ^ 1] += f;
        cap[e3] -= f;
        cap[e3 ^ 1] += f;
        flow += f;
      }
    }
    const dfs = (u: number, pushed: number): number => {
      if (u === t) return pushed;
      for (; it[u] !== -1; it[u] = next[it[u]]) {
        const e = it[u], v = to[e];
        if (cap[e] > 0 && level[v] === level[u] + 1) {
          const got = dfs(v, Math.min(pushed, cap[e]));
          if (got > 0) {
            cap[e] -= got;
            cap[e ^ 1] += got;
            return got;
          }
        }
      }
      return 0;
    };
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let qh = 0, qt = 0;
      queue[qt++] = s;
      while (qh < qt && level[t] < 0) {
        const u = queue[qh++];
        for (let e = head[u]; e !== -1; e = next[e]) {
          if (cap[e] > 0 && level[to[e]] < 0) {
            level[to[e]] = level[u] + 1;
            queue[qt++] = to[e];
          }
        }
      }
      if (level[t] < 0) return flow;
      it.set(head);
      for (let f = dfs(s, Infinity); f > 0; f = dfs(s, Infinity)) flow += f;
    }
  }
}
