/**
 * LaTeX to plain Unicode for the terminal: the claims' statements are markdown with `$…$` math,
 * and `explore`, `list` and their help print them as `ℒ(w) ≤ (L/2)‖x‖²`, `K̂₀`, `η < 2/λₘₐₓ`.
 * A focused converter, for the macros the catalog uses (its test converts every claim's text and
 * finds no `$` and no `\macro` left): no npm package renders fractions, accents and sub- and
 * superscripts together (`unicodeit` leaves `\frac`, `\boldsymbol` and `^{-1/2}` broken).
 *
 * @module
 */

// deno-fmt-ignore
const GREEK: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ϵ", varepsilon: "ε", zeta: "ζ", eta: "η", theta: "θ",
  vartheta: "ϑ", iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", varpi: "ϖ", rho: "ρ",
  varrho: "ϱ", sigma: "σ", varsigma: "ς", tau: "τ", upsilon: "υ", phi: "ϕ", varphi: "φ", chi: "χ", psi: "ψ",
  omega: "ω", Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ", Upsilon: "Υ", Phi: "Φ",
  Psi: "Ψ", Omega: "Ω",
};

// deno-fmt-ignore
const SYMBOLS: Record<string, string> = {
  le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠", models: "⊨", to: "→", mapsto: "↦", rightarrow: "→", Rightarrow: "⇒",
  implies: "⇒", leftarrow: "←", Leftarrow: "⇐", leftrightarrow: "↔", iff: "⟺", in: "∈", notin: "∉", ni: "∋",
  sim: "~", approx: "≈", asymp: "≍", lesssim: "≲", gtrsim: "≳", gg: "≫", ll: "≪", equiv: "≡", propto: "∝", succ: "≻",
  prec: "≺", succeq: "⪰", preceq: "⪯", perp: "⊥", top: "⊤", dagger: "†", star: "⋆", ast: "∗", times: "×", odot: "⊙",
  otimes: "⊗", oplus: "⊕", pm: "±", mp: "∓", infty: "∞", sum: "∑", prod: "∏", int: "∫", oint: "∮", partial: "∂",
  nabla: "∇", langle: "⟨", rangle: "⟩", forall: "∀", exists: "∃", subseteq: "⊆", subset: "⊂", supseteq: "⊇",
  supset: "⊃", cup: "∪", cap: "∩", setminus: "∖", emptyset: "∅", varnothing: "∅", angle: "∠", rightsquigarrow: "⇝",
  ell: "ℓ", circ: "∘", wedge: "∧", vee: "∨", neg: "¬", lnot: "¬", uparrow: "↑", downarrow: "↓", lfloor: "⌊",
  rfloor: "⌋", lceil: "⌈", rceil: "⌉", prime: "′", colon: ":", vert: "|", Vert: "‖", lVert: "‖", rVert: "‖",
  lvert: "|", rvert: "|", mid: "|", cdot: "·", cdots: "⋯", dots: "…", ldots: "…", vdots: "⋮", ddots: "⋱",
  bullet: "•", dim: "dim", hbar: "ℏ", Re: "ℜ", Im: "ℑ", aleph: "ℵ", deg: "°", square: "□", checkmark: "✓",
};

/** Operator names, printed as words. */
// deno-fmt-ignore
const WORDS = new Set([
  "max", "min", "log", "exp", "sup", "inf", "lim", "liminf", "limsup", "det", "ker", "cos", "sin", "tan", "cot",
  "arccos", "arcsin", "arctan", "ln", "tr", "Tr", "rank", "diag", "sgn", "sign", "argmin", "argmax", "Var", "Cov",
  "cosh", "sinh", "tanh", "arg", "gcd", "Pr", "span", "supp", "vol",
]);

/** Macros that only style or space their argument or what follows: dropped. */
// deno-fmt-ignore
const DROPPED = new Set([
  "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "rm", "bf", "it",
  "displaystyle", "textstyle", "limits", "nolimits", "!", "middle",
]);

/** Macros whose one argument is printed as it is. */
// deno-fmt-ignore
const STYLES = new Set([
  "mathbf", "boldsymbol", "bm", "mathrm", "text", "textrm", "textbf", "textit", "mathit", "operatorname", "mathsf",
  "mathtt", "texttt", "emph", "mbox", "hbox", "mathnormal",
]);

// deno-fmt-ignore
const SPACES: Record<string, string> = { ",": " ", ";": " ", ":": " ", " ": " ", quad: "  ", qquad: "   " };

// deno-fmt-ignore
const ESCAPES: Record<string, string> = {
  "{": "{", "}": "}", "|": "‖", "%": "%", "&": "&", "#": "#", "_": "_", "$": "$",
};

/** Combining accents (placed after the character). */
// deno-fmt-ignore
const ACCENTS: Record<string, string> = {
  hat: "\u0302", widehat: "\u0302", tilde: "\u0303", widetilde: "\u0303", bar: "\u0304", overline: "\u0305",
  dot: "\u0307", ddot: "\u0308", vec: "\u20D7", check: "\u030C", breve: "\u0306", acute: "\u0301", grave: "\u0300",
  underline: "\u0332",
};

const SCRIPT_UPPER = "𝒜ℬ𝒞𝒟ℰℱ𝒢ℋℐ𝒥𝒦ℒℳ𝒩𝒪𝒫𝒬ℛ𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵";
// deno-fmt-ignore
const DOUBLE_STRUCK: Record<string, string> = { C: "ℂ", H: "ℍ", N: "ℕ", P: "ℙ", Q: "ℚ", R: "ℝ", Z: "ℤ", "1": "𝟙" };

// deno-fmt-ignore
const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "+": "⁺",
  "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", a: "ᵃ", b: "ᵇ", c: "ᶜ", d: "ᵈ", e: "ᵉ", f: "ᶠ", g: "ᵍ", h: "ʰ",
  i: "ⁱ", j: "ʲ", k: "ᵏ", l: "ˡ", m: "ᵐ", n: "ⁿ", o: "ᵒ", p: "ᵖ", r: "ʳ", s: "ˢ", t: "ᵗ", u: "ᵘ", v: "ᵛ", w: "ʷ",
  x: "ˣ", y: "ʸ", z: "ᶻ", A: "ᴬ", B: "ᴮ", D: "ᴰ", E: "ᴱ", G: "ᴳ", H: "ᴴ", I: "ᴵ", J: "ᴶ", K: "ᴷ", L: "ᴸ", M: "ᴹ",
  N: "ᴺ", O: "ᴼ", P: "ᴾ", R: "ᴿ", T: "ᵀ", U: "ᵁ", V: "ⱽ", W: "ᵂ", "α": "ᵅ", "β": "ᵝ", "γ": "ᵞ", "δ": "ᵟ", "θ": "ᶿ",
  "ι": "ᶥ", "ϕ": "ᵠ", "φ": "ᵠ", "χ": "ᵡ", "⊤": "ᵀ", "′": "′", "/": "ᐟ", " ": "", "∗": "*", "*": "*", "⋆": "⋆",
  "†": "†", "·": "·", ",": "˒", ".": "·", "∞": "^∞",
};

// deno-fmt-ignore
const SUBSCRIPT: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉", "+": "₊",
  "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎", a: "ₐ", e: "ₑ", h: "ₕ", i: "ᵢ", j: "ⱼ", k: "ₖ", l: "ₗ", m: "ₘ",
  n: "ₙ", o: "ₒ", p: "ₚ", r: "ᵣ", s: "ₛ", t: "ₜ", u: "ᵤ", v: "ᵥ", x: "ₓ", "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ", "ϕ": "ᵩ",
  "φ": "ᵩ", "χ": "ᵪ", " ": "", ",": ",",
};

/** `s` in the script of `table` when every character has a form there, else undefined. */
function scripted(s: string, table: Record<string, string>): string | undefined {
  let out = "";
  for (const ch of s) {
    const m = table[ch];
    if (m === undefined || m.startsWith("^")) return undefined;
    out += m;
  }
  return out;
}

/** Whether a converted argument needs parentheses to be read as one thing (in a fraction, a root, a script). */
function compound(s: string): boolean {
  return [...s].length > 1 && /[\s+\-−=<>≤≥·,/∑∫]/.test(s) && !/^\([^()]*\)$|^‖[^‖]*‖$|^\|[^|]*\|$/.test(s);
}

const wrap = (s: string) => (compound(s) ? `(${s})` : s);

/** Fractions with a character of their own. */
// deno-fmt-ignore
const VULGAR: Record<string, string> = {
  "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾", "1/5": "⅕", "1/6": "⅙", "1/8": "⅛",
};

/** Macros whose arguments follow (spaces before them are not kept). */
const TAKES_ARGUMENT = new Set([
  "frac",
  "tfrac",
  "dfrac",
  "binom",
  "sqrt",
  "overset",
  "stackrel",
  "underset",
  "xrightarrow",
  "begin",
  "end",
  "not",
  "mathcal",
  "mathscr",
  "mathbb",
]);

/** Opening delimiters: no space after them. */
const OPENERS = new Set(["langle", "lVert", "lvert", "lfloor", "lceil"]);

type Token = { macro: string } | { char: string };

function tokenize(tex: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tex.length;) {
    if (tex[i] === "\\" && i + 1 < tex.length) {
      const m = /^[a-zA-Z]+/.exec(tex.slice(i + 1));
      if (m) {
        out.push({ macro: m[0] });
        i += 1 + m[0].length;
        // LaTeX eats the spaces after a letter macro; keep one where the source had some ("\log n", "\in [d]").
        let j = i;
        while (tex[j] === " " || tex[j] === "\n") j++;
        if (
          j > i && j < tex.length && !/[_^{}]/.test(tex[j]) && !OPENERS.has(m[0]) &&
          !TAKES_ARGUMENT.has(m[0]) && !STYLES.has(m[0]) && !DROPPED.has(m[0]) && !(m[0] in ACCENTS)
        ) {
          out.push({ char: " " });
        }
        i = j;
      } else {
        out.push({ macro: tex[i + 1] });
        i += 2;
      }
    } else {
      const ch = String.fromCodePoint(tex.codePointAt(i)!);
      out.push({ char: ch });
      i += ch.length;
    }
  }
  return out;
}

class MathConverter {
  private k = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Everything up to the end or an unmatched `}` (or `\end`). */
  sequence(): string {
    let out = "";
    while (this.k < this.tokens.length) {
      const t = this.tokens[this.k];
      if ("char" in t && t.char === "}") break;
      if ("macro" in t && t.macro === "end") break;
      out += this.item();
    }
    return out;
  }

  /** One argument: a braced group, or a single token. */
  argument(): string {
    while (
      this.k < this.tokens.length && "char" in this.tokens[this.k] &&
      (this.tokens[this.k] as { char: string }).char === " "
    ) this.k++;
    const t = this.tokens[this.k];
    if (!t) return "";
    if ("char" in t && t.char === "{") {
      this.k++;
      const s = this.sequence();
      this.k++; // the closing brace
      return s;
    }
    return this.item();
  }

  /** An optional `[…]` argument. */
  private optional(): string | undefined {
    const t = this.tokens[this.k];
    if (!t || !("char" in t) || t.char !== "[") return undefined;
    this.k++;
    let s = "";
    while (
      this.k < this.tokens.length &&
      !("char" in this.tokens[this.k] && (this.tokens[this.k] as { char: string }).char === "]")
    ) {
      s += this.item();
    }
    this.k++;
    return s;
  }

  private script(table: Record<string, string>, mark: "^" | "_"): string {
    const arg = this.argument();
    const s = scripted(arg, table);
    if (s !== undefined) return s;
    return [...arg].length === 1 ? `${mark}${arg}` : `${mark}(${arg})`;
  }

  item(): string {
    const t = this.tokens[this.k++];
    if ("char" in t) {
      switch (t.char) {
        case "{": {
          const s = this.sequence();
          this.k++;
          return s;
        }
        case "^":
          return this.script(SUPERSCRIPT, "^");
        case "_":
          return this.script(SUBSCRIPT, "_");
        case "~":
          return " ";
        case "&":
          return " ";
        case "'":
          return "′";
        default:
          return t.char;
      }
    }
    const name = t.macro;
    if (name in GREEK) return GREEK[name];
    if (name in SYMBOLS) return SYMBOLS[name];
    if (WORDS.has(name)) return name;
    if (name in SPACES) return SPACES[name];
    if (name in ESCAPES) return ESCAPES[name];
    if (name === "\\") return "; ";
    if (DROPPED.has(name)) {
      // `\left.` and `\right.` stand for no delimiter.
      const next = this.tokens[this.k];
      if ((name === "left" || name === "right") && next && "char" in next && next.char === ".") this.k++;
      return "";
    }
    if (STYLES.has(name)) return this.argument();
    if (name in ACCENTS) {
      const arg = this.argument();
      return [...arg].map((ch) => (/\s/.test(ch) ? ch : ch + ACCENTS[name])).join("");
    }
    switch (name) {
      case "mathcal":
      case "mathscr":
        return [...this.argument()].map((ch) => (/[A-Z]/.test(ch) ? [...SCRIPT_UPPER][ch.charCodeAt(0) - 65] : ch))
          .join("");
      case "mathbb":
        return [...this.argument()].map((ch) =>
          DOUBLE_STRUCK[ch] ?? (/[A-Z]/.test(ch) ? String.fromCodePoint(0x1D538 + ch.charCodeAt(0) - 65) : ch)
        ).join("");
      case "frac":
      case "tfrac":
      case "dfrac": {
        const a = this.argument(), b = this.argument();
        return VULGAR[`${a}/${b}`] ?? `(${wrap(a)}/${wrap(b)})`;
      }
      case "binom": {
        const n = this.argument(), k = this.argument();
        return `C(${n}, ${k})`;
      }
      case "sqrt": {
        const root = this.optional();
        const a = this.argument();
        const radical = root === "3"
          ? "∛"
          : root === "4"
          ? "∜"
          : root
          ? `${scripted(root, SUPERSCRIPT) ?? root}√`
          : "√";
        return [...a].length > 1 ? `${radical}(${a})` : `${radical}${a}`;
      }
      case "overset":
      case "stackrel": {
        const over = this.argument(), base = this.argument();
        return `${base}${scripted(over, SUPERSCRIPT) ?? `^(${over})`}`;
      }
      case "underset": {
        const under = this.argument(), base = this.argument();
        return `${base}${scripted(under, SUBSCRIPT) ?? `_(${under})`}`;
      }
      case "xrightarrow": {
        const label = this.argument();
        return label ? `─${label}→` : "→";
      }
      case "begin": {
        this.argument(); // the environment's name
        const body = this.sequence();
        if (this.tokens[this.k] && "macro" in this.tokens[this.k]) {
          this.k++;
          this.argument();
        }
        return body.replace(/(;\s*)+$/, "").trim();
      }
      case "not": {
        const next = this.item();
        return next === "=" ? "≠" : next === "∈" ? "∉" : `${next}\u0338`;
      }
      default:
        return `\\${name}`;
    }
  }
}

/**
 * One LaTeX math expression (without its `$`) in plain Unicode; a macro it does not know is left
 * as it is, so that a test can find it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mathToUnicode } from "./unicode_math.ts";
 * assert.equal(mathToUnicode(String.raw`\hat{\boldsymbol K}_0`), "K̂₀");
 * assert.equal(mathToUnicode(String.raw`\frac{L}{2}\|x\|^2`), "(L/2)‖x‖²");
 * assert.equal(mathToUnicode(String.raw`\frac12\int \phi\,d\mu`), "½∫ ϕ dμ");
 * assert.equal(mathToUnicode(String.raw`O(n^{-1/2})`), "O(n⁻¹ᐟ²)");
 * ```
 */
export function mathToUnicode(tex: string): string {
  return new MathConverter(tokenize(tex)).sequence();
}

/**
 * A claim's markdown text for the terminal: each `$…$` (and `$$…$$`) math span in plain Unicode,
 * the text between them as it is, apart from markdown's `\` escapes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { texToUnicode } from "./unicode_math.ts";
 * assert.equal(
 *   texToUnicode(String.raw`if $\eta < 2/\lambda_{\max}$ then $\mathcal{L}(w_k) \to 0$`),
 *   "if η < 2/λₘₐₓ then ℒ(wₖ) → 0",
 * );
 * ```
 */
export function texToUnicode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length;) {
    if (text[i] === "\\" && /[$`*_[\](){}#+\-.!|]/.test(text[i + 1] ?? "")) {
      out += text[i + 1]; // markdown's escapes: \$ \` \* …
      i += 2;
      continue;
    }
    if (text[i] === "$") {
      const display = text[i + 1] === "$";
      const open = display ? 2 : 1;
      const close = text.indexOf(display ? "$$" : "$", i + open);
      if (close === -1) {
        out += text.slice(i);
        break;
      }
      out += mathToUnicode(text.slice(i + open, close));
      i = close + open;
      continue;
    }
    // A known symbol macro outside math (in prose: "σ \models φ") is converted too.
    const macro = text[i] === "\\" ? /^\\([a-zA-Z]+)/.exec(text.slice(i)) : null;
    if (macro && (macro[1] in GREEK || macro[1] in SYMBOLS)) {
      out += GREEK[macro[1]] ?? SYMBOLS[macro[1]];
      i += macro[0].length;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}
