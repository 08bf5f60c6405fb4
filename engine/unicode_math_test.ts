import assert from "node:assert/strict";
import { mathToUnicode, texToUnicode } from "./unicode_math.ts";

const cases: [string, string][] = [
  [String.raw`\hat{\boldsymbol K}_0`, "K̂₀"],
  [String.raw`\mathcal{L}(w) \le \frac{L}{2}\|x\|^2`, "ℒ(w) ≤ (L/2)‖x‖²"],
  [String.raw`\eta < 2/\lambda_{\max}`, "η < 2/λₘₐₓ"],
  [String.raw`O(n^{-1/2})`, "O(n⁻¹ᐟ²)"],
  [String.raw`\mathbb{E}[\sigma'(w^\top x)]`, "𝔼[σ′(wᵀ x)]"],
  [String.raw`\sqrt{n}`, "√n"],
  [String.raw`\sqrt{\log d}`, "√(log d)"],
  [String.raw`\frac{1}{m}\sum_{i=1}^m \phi(w_i, x)`, "(1/m)∑ᵢ₌₁ᵐ ϕ(wᵢ, x)"],
  [String.raw`\frac{\|a + b\|}{2n}`, "(‖a + b‖/2n)"],
  [String.raw`x_{\theta}`, "x_θ"],
  [String.raw`B_{cn^{-1/2}}(w_0)`, "B_(cn⁻¹ᐟ²)(w₀)"],
  [String.raw`\in \mathbb{R}^{n \times d}`, "∈ ℝ^(n × d)"],
  [String.raw`\langle a, b\rangle`, "⟨a, b⟩"],
  [String.raw`\left( \tilde w \right.`, "( w̃ "],
  [String.raw`\{x \mid \phi(x) \ne 0\}`, "{x | ϕ(x) ≠ 0}"],
  [String.raw`\overset{?}{=}`, "=^(?)"],
  [String.raw`\begin{pmatrix} a & b\\ c & d\end{pmatrix}`, "a   b;  c   d"],
  [String.raw`\mathrm{Lip}(D\phi)`, "Lip(Dϕ)"],
  [String.raw`\binom{n}{k}`, "C(n, k)"],
  [String.raw`\not\in`, "∉"],
  [String.raw`\unknownmacro x`, String.raw`\unknownmacro x`],
];

Deno.test("mathToUnicode: fractions, roots, accents, scripts, styles and symbols", () => {
  for (const [tex, unicode] of cases) assert.equal(mathToUnicode(tex), unicode, tex);
});

Deno.test("texToUnicode converts only the math spans, keeps the text and an unmatched $", () => {
  assert.equal(texToUnicode(String.raw`the _loss_ $\mathcal L_k$ and \$5`), "the _loss_ ℒₖ and $5");
  assert.equal(texToUnicode(String.raw`$$\frac12$$ costs $3`), "½ costs $3");
});
