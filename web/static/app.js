// The claim page's client (plain module, no build step): the run controls, their state in the URL, runs through
// /api/claims/<id>/run (streamed progress), the result rendered with KaTeX, the charts with vega-embed.
const form = document.getElementById("run");
const id = form.dataset.id;
const result = document.getElementById("result");
const progress = document.getElementById("progress");
const hypothesisHtml = [...document.querySelectorAll("#hypotheses li .statement")].map((e) => e.innerHTML);
let scenario = null;
let controller = null;
let timer = null;

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
/** Text with $…$ LaTeX: escaped, the formulas typeset by KaTeX. */
function tex(s) {
  return String(s).split(/(\$[^$]+\$)/g).map((part) =>
    part.length > 2 && part.startsWith("$") && part.endsWith("$")
      ? katex.renderToString(part.slice(1, -1), { throwOnError: false, strict: "ignore" })
      : esc(part)
  ).join("");
}
const mark = { held: "✓", failed: "✗", undecided: "?" };

/** Sets a parameter's number input and slider ("" = drawn at random: the slider is dimmed). */
function setParam(name, value) {
  const input = document.getElementById(`p-${name}`);
  if (!input) return;
  input.value = value;
  const range = document.getElementById(`r-${name}`);
  range.classList.toggle("unset", value === "");
  if (value !== "") range.value = value;
}

function paramInputs() {
  return [...form.querySelectorAll('input[type="number"][data-param]')];
}

/** The form's state as the API's query (only the values set). */
function query() {
  const q = new URLSearchParams();
  for (const input of paramInputs()) if (input.value !== "") q.set(input.dataset.param, input.value);
  for (const name of ["seed", "instance", "count"]) {
    const v = form.elements[name].value;
    if (
      v !== "" && !(name === "seed" && v === "1") && !(name === "instance" && v === "0") &&
      !(name === "count" && v === "1")
    ) {
      q.set(name, v);
    }
  }
  if (form.elements.ignoreHypotheses.checked) q.set("ignoreHypotheses", "1");
  if (scenario) q.set("scenario", scenario);
  return q;
}

/** Fills the form from the page's URL; true when it asks for a run. */
function restore() {
  const q = new URLSearchParams(location.search);
  for (const input of paramInputs()) {
    const v = q.get(input.dataset.param);
    setParam(input.dataset.param, v ?? "");
  }
  for (const name of ["seed", "instance", "count"]) if (q.get(name) !== null) form.elements[name].value = q.get(name);
  form.elements.ignoreHypotheses.checked = q.get("ignoreHypotheses") === "1";
  scenario = q.get("scenario");
  return [...q.keys()].length > 0;
}

function showProgress(text) {
  progress.hidden = false;
  progress.querySelector("span").textContent = text;
}

async function run() {
  controller?.abort();
  controller = new AbortController();
  const q = query();
  history.replaceState(null, "", `${location.pathname}${q.size ? `?${q}` : ""}`);
  result.dataset.state = "running";
  const started = performance.now();
  const slow = setTimeout(() => showProgress("running…"), 1000);
  let final = null;
  try {
    const res = await fetch(`/api/claims/${encodeURIComponent(id)}/run?${q}`, {
      headers: { accept: "application/x-ndjson" },
      signal: controller.signal,
    });
    if (!res.ok) {
      final = { type: "error", status: res.status, message: (await res.json()).error };
    } else {
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let nl;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const m = JSON.parse(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
          const secs = ((performance.now() - started) / 1000).toFixed(1);
          if (m.type === "progress" && performance.now() - started > 1000) {
            showProgress(`${m.done} of ${m.total} instances, ${secs} s`);
            progress.querySelector("progress").max = m.total;
            progress.querySelector("progress").value = m.done;
          } else if (m.type === "tick" && m.elapsedMs > 1000) showProgress(`running… ${secs} s`);
          else if (m.type === "result" || m.type === "error") final = m;
        }
      }
    }
  } catch (e) {
    if (e.name === "AbortError") return;
    final = { type: "error", status: 0, message: String(e) };
  } finally {
    clearTimeout(slow);
  }
  progress.hidden = true;
  if (!final) final = { type: "error", status: 0, message: "the run ended without a result" };
  if (final.type === "error") {
    result.dataset.state = "error";
    result.innerHTML = `<p class="error">${final.status ? `${final.status}: ` : ""}${esc(final.message)}</p>`;
  } else {
    render(final.value);
    result.dataset.state = "done";
  }
}

function checkHtml(label, c) {
  return `<div class="conclusion ${c.outcome}" data-outcome="${c.outcome}"><span class="mark">${
    mark[c.outcome]
  }</span> ` +
    `<strong>${label} ${c.outcome === "held" ? "holds" : c.outcome === "failed" ? "FAILS" : "undecided"}</strong>: ` +
    `${tex(c.detail)}<br><span class="numbers">observed ${esc(c.text.observed)}, bound ${esc(c.text.bound)}, ` +
    `tightness ${esc(c.text.tightness)}</span></div>`;
}

function render(r) {
  const out = [
    `<p class="outcome ${r.outcome}" data-outcome="${r.outcome}">outcome: <strong>${esc(r.outcome)}</strong> ` +
    `(explore's exit code ${r.exitCode})</p>`,
  ];
  for (const rec of r.records) {
    out.push(`<div class="record"><p>instance ${rec.index}: ${tex(rec.description)}</p><ul class="hyps">`);
    rec.hypotheses.forEach((h, i) => {
      out.push(
        `<li class="hyp ${h.holds ? "holds" : "fails"}" data-holds="${h.holds}"><span class="mark">${
          h.holds ? "✓" : "✗"
        }</span> ` +
          `${hypothesisHtml[i] ?? tex(h.statement)} <span class="certainty">[${esc(h.certainty)}]</span>: ${
            tex(h.value)
          }</li>`,
      );
    });
    out.push("</ul>");
    if (rec.conclusion) out.push(checkHtml("conclusion", rec.conclusion));
    else {out.push(
        `<p class="not-checked">conclusion not checked (a hypothesis fails; tick “ignore hypotheses” to check it anyway)</p>`,
      );}
    if (rec.corrected) out.push(checkHtml("corrected form", rec.corrected));
    out.push("</div>");
  }
  if (r.decision) {
    out.push(
      `<div class="decision ${r.decision.outcome}"><span class="mark">${mark[r.decision.outcome]}</span> ` +
        `decided by the claim's aggregate over these instances: <strong>${r.decision.outcome}</strong>: ${
          tex(r.decision.why)
        }</div>`,
    );
    out.push(rowsHtml(r.decision.rows));
  }
  if (r.scenario) {
    const s = r.scenario;
    out.push(
      `<div class="scenario-outcome ${s.verdict}" data-verdict="${s.verdict}"><p>scenario <code>${
        esc(s.name)
      }</code> ` +
        `breaks ${tex(s.breaks)}: <strong>${s.verdict}</strong></p><p>${tex(s.summary)}</p>`,
    );
    if (s.counterexample) {
      out.push(
        `<p class="counterexample">smallest counterexample: ${tex(s.counterexample.description)} — ${
          tex(s.counterexample.detail)
        }</p>`,
      );
    }
    out.push(rowsHtml(s.rows));
    if (s.note) out.push(`<p class="note">${esc(s.note)}</p>`);
    out.push("</div>");
  }
  out.push(`<p class="replay">replay: <code>${esc(r.replay)}</code></p>`);
  out.push(`<div id="run-charts"></div>`);
  result.innerHTML = out.join("\n");
  if (r.request.count > 1) embedAll(document.getElementById("run-charts"), r.plots);
}

function rowsHtml(rows) {
  if (!rows?.length) return "";
  return `<table>${rows.map(([k, v]) => `<tr><td>${tex(k)}</td><td>${esc(v)}</td></tr>`).join("")}</table>`;
}

function embedAll(target, plots) {
  target.innerHTML = "";
  for (const p of plots) {
    const figure = document.createElement("figure");
    const div = document.createElement("div");
    const caption = document.createElement("figcaption");
    caption.textContent = p.title;
    figure.append(div, caption);
    target.append(figure);
    vegaEmbed(div, { width: 420, height: 260, ...p.spec }, {
      actions: { export: true, source: false, compiled: false, editor: false },
    })
      .catch((e) => (div.textContent = `chart failed: ${e}`));
  }
}

async function charts() {
  const target = document.getElementById("charts");
  if (!target) return; // the claim has no plots
  for (let attempt = 0; attempt < 40; attempt++) {
    const res = await fetch(`/api/claims/${encodeURIComponent(id)}/evidence`);
    if (res.status === 503) {
      target.innerHTML = `<p class="note">charts: waiting for a free run slot…</p>`;
      await new Promise((r) => setTimeout(r, 3000));
      continue;
    }
    const body = await res.json();
    if (!res.ok) {
      target.innerHTML = `<p class="error">charts: ${esc(body.error)}</p>`;
      return;
    }
    if (body.plots.length === 0) {
      target.innerHTML = `<p class="note">this claim has no plots</p>`;
      return;
    }
    target.innerHTML = "";
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = `interactive, from a test-budget run (seed ${body.result.seed}: ${body.result.status})`;
    const inner = document.createElement("div");
    target.append(note, inner);
    embedAll(inner, body.plots);
    target.dataset.state = "done";
    return;
  }
}

for (const range of form.querySelectorAll('input[type="range"]')) {
  range.addEventListener("input", () => {
    setParam(range.dataset.param, range.value);
    scenario = null;
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
}
for (const input of paramInputs()) {
  input.addEventListener("change", () => {
    setParam(input.dataset.param, input.value);
  });
}
for (const b of form.querySelectorAll("button.clear")) {
  b.addEventListener("click", () => setParam(b.dataset.clear, ""));
}
form.elements.ignoreHypotheses.addEventListener("change", () => {
  scenario = null;
  run();
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  scenario = null;
  run();
});
for (const b of document.querySelectorAll("button.scenario")) {
  b.addEventListener("click", () => {
    scenario = b.dataset.scenario;
    // The scenario's own values are shown (and, being the same, change nothing in the run).
    for (const [name, v] of Object.entries(JSON.parse(b.dataset.params))) setParam(name, String(v));
    run();
  });
}
if (restore()) run();
charts();
