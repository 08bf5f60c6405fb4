// The static report's index: filters by source and verdict in the page (no server), state in the URL's hash.
const selects = [...document.querySelectorAll("select[data-filter]")];
function apply() {
  const want = Object.fromEntries(selects.map((s) => [s.dataset.filter, s.value]));
  for (const row of document.querySelectorAll("#claims tbody tr")) {
    row.hidden = Object.entries(want).some(([k, v]) => v !== "" && row.dataset[k] !== v);
  }
  const q = new URLSearchParams(Object.entries(want).filter(([, v]) => v !== ""));
  history.replaceState(null, "", q.size ? `#${q}` : location.pathname);
}
const initial = new URLSearchParams(location.hash.slice(1));
for (const s of selects) {
  if (initial.get(s.dataset.filter) !== null) s.value = initial.get(s.dataset.filter);
  s.addEventListener("change", apply);
}
apply();
