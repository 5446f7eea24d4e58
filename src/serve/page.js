// newslint's page: drafts go to the local API (/api/check and /api/attributions for one draft,
// /api/story for several) and come back with byte offsets into the text posted. JavaScript strings
// count UTF-16 code units, so every offset is converted through a byte→UTF-16 table built once per
// draft; curly quotes and dashes are three bytes but one unit.
"use strict";

const SEVERITY_ORDER = { note: 0, warning: 1, error: 2 };
const $ = (selector, root = document) => root.querySelector(selector);

function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "tabindex") node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children);
  return node;
}

// UTF-8 byte offset → UTF-16 index, for every byte offset of `text` (inside a character: its start).
function byteToUtf16(text) {
  const units = [];
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < width; k++) units.push(i);
    bytes += width;
    i += cp > 0xffff ? 2 : 1;
  }
  units.push(text.length);
  return (offset) => units[Math.max(0, Math.min(offset, bytes))];
}

// ---- drafts -------------------------------------------------------------------------------------

const draftsBox = $("#drafts");

function addDraft(text = "", filename = "") {
  const draft = $("#draft-template").content.firstElementChild.cloneNode(true);
  const index = draftsBox.children.length + 1;
  const textarea = $(".text", draft);
  textarea.id = `draft-text-${index}-${Date.now()}`;
  $("label.visually-hidden", draft).htmlFor = textarea.id;
  textarea.value = text;
  $(".filename", draft).value = filename;
  $(".remove", draft).addEventListener("click", () => {
    draft.remove();
    renumber();
  });
  draftsBox.append(draft);
  renumber();
  return draft;
}

function renumber() {
  const drafts = [...draftsBox.children];
  drafts.forEach((draft, i) => {
    const name = $(".filename", draft);
    name.placeholder = drafts.length === 1 ? "draft.txt" : `draft-${i + 1}.txt`;
    $(".text", draft).setAttribute("aria-label", `Copy of draft ${i + 1}`);
    $(".remove", draft).hidden = drafts.length === 1;
  });
}

function postedDrafts() {
  return [...draftsBox.children]
    .map((draft, i, all) => ({
      text: $(".text", draft).value,
      filename: $(".filename", draft).value.trim() || (all.length === 1 ? "draft.txt" : `draft-${i + 1}.txt`),
    }))
    .filter((d) => d.text.trim() !== "");
}

async function openFiles(files) {
  const read = await Promise.all([...files].map(async (f) => ({ name: f.name, text: await f.text() })));
  read.sort((a, b) => a.name.localeCompare(b.name));
  // Opened files take the place of empty drafts.
  [...draftsBox.children].filter((d) => $(".text", d).value.trim() === "").forEach((d) => d.remove());
  read.forEach((f) => addDraft(f.text, f.name));
  status(`${read.length} file${read.length === 1 ? "" : "s"} opened: ${read.map((f) => f.name).join(", ")}`);
}

// ---- the API ------------------------------------------------------------------------------------

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) throw new Error(json.error || `${response.status} ${response.statusText}`);
  return json;
}

async function check() {
  const drafts = postedDrafts();
  if (drafts.length === 0) {
    status("Paste a draft first, or open files.", true);
    return;
  }
  status("Checking…");
  const started = performance.now();
  try {
    let result;
    if (drafts.length === 1) {
      const [diagnostics, attributions] = await Promise.all([
        post("/api/check", drafts[0]),
        post("/api/attributions", drafts[0]),
      ]);
      result = { diagnostics, discrepancies: [], attributions };
    } else {
      result = await post("/api/story", { drafts });
    }
    show(drafts, result);
    const count = result.diagnostics.length;
    status(`${count} finding${count === 1 ? "" : "s"} in ${drafts.length} draft${drafts.length === 1 ? "" : "s"} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    status(`Not checked: ${error.message}`, true);
  }
}

function status(message, isError = false) {
  const line = $("#status");
  line.textContent = message;
  line.classList.toggle("error", isError);
}

// ---- results ------------------------------------------------------------------------------------

const views = new Map(); // path → view state

function show(drafts, result) {
  views.clear();
  const box = $("#views");
  box.replaceChildren();
  drafts.forEach((draft, i) => {
    const who = result.attributions.find((a) => a.path === draft.filename);
    const view = makeView(draft, i, result.diagnostics, who ? who.attributions : []);
    views.set(draft.filename, view);
    box.append(view.node);
  });
  showDiscrepancies(result.discrepancies);
  $("#results").hidden = false;
}

function makeView(draft, index, diagnostics, attributions) {
  const node = $("#view-template").content.firstElementChild.cloneNode(true);
  node.id = `view-${index}`;
  const toUtf16 = byteToUtf16(draft.text);
  const range = (start, end) => {
    const from = toUtf16(start);
    let to = toUtf16(end);
    if (to <= from) to = Math.min(draft.text.length, from + 1); // a point: mark one character
    return [from, to];
  };
  const findings = [];
  diagnostics.forEach((d) => {
    if (d.path === draft.filename) findings.push({ d, primary: true, span: range(d.start, d.end) });
    d.labels.forEach((l) => {
      if (l.path === draft.filename) findings.push({ d, primary: false, label: l, span: range(l.start, l.end) });
    });
  });
  const view = { node, draft, findings, attributions, range, selected: null, attribution: null, index };
  $(".view-title", node).textContent = draft.filename;
  const primaries = findings.filter((f) => f.primary).length;
  $(".summary", node).textContent = `${primaries} finding${primaries === 1 ? "" : "s"}, ${attributions.length} attribution${attributions.length === 1 ? "" : "s"}`;
  fillFindingList(view);
  fillAttributions(view);
  renderCopy(view);
  return view;
}

function severityClass(d) {
  return `sev-${d.severity}`;
}

function fillFindingList(view) {
  const list = $(".finding-list", view.node);
  view.findings.forEach((f, i) => {
    if (!f.primary) return;
    const button = element(
      "button",
      { type: "button", class: severityClass(f.d), "data-finding": String(i), "data-code": f.d.code },
      element("span", { class: "severity", text: f.d.severity }),
      ` ${f.d.code} ${f.d.name} `,
      element("span", { class: "where", text: `line ${f.d.line}, column ${f.d.column}` }),
      element("br"),
      f.d.message,
    );
    button.addEventListener("click", () => select(view, i, true));
    list.append(element("li", {}, button));
  });
  if (!list.children.length) list.append(element("li", { text: "No findings." }));
}

function fillAttributions(view) {
  const body = $(".attributions tbody", view.node);
  view.attributions.forEach((a, i) => {
    const row = element(
      "tr",
      { tabindex: "0", "aria-selected": "false", "data-attribution": String(i) },
      element("td", { text: a.speaker || (a.source ? a.source.text : "(no source)") }),
      element("td", { text: a.cue.text }),
      element("td", { text: a.content ? a.content.text : "" }),
    );
    const choose = () => showAttribution(view, i);
    row.addEventListener("click", choose);
    row.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        choose();
      }
    });
    body.append(row);
  });
  $(".who summary", view.node).textContent = `Who said what (${view.attributions.length})`;
}

// The copy as text segments between every boundary of a finding or of the chosen attribution's
// parts; a segment inside findings is a <mark> coloured by the most severe of them.
function renderCopy(view) {
  const text = view.draft.text;
  const ranges = view.findings.map((f, i) => ({ from: f.span[0], to: f.span[1], finding: i }));
  if (view.attribution !== null) {
    const a = view.attributions[view.attribution];
    for (const part of ["source", "cue", "content"]) {
      if (a[part]) {
        const [from, to] = view.range(a[part].start, a[part].end);
        ranges.push({ from, to, part });
      }
    }
  }
  const cuts = new Set([0, text.length]);
  ranges.forEach((r) => cuts.add(r.from).add(r.to));
  const points = [...cuts].sort((a, b) => a - b);
  const copy = $(".copy", view.node);
  const pieces = [];
  const started = new Set();
  for (let p = 0; p + 1 < points.length; p++) {
    const [from, to] = [points[p], points[p + 1]];
    const piece = text.slice(from, to);
    const over = ranges.filter((r) => r.from <= from && r.to >= to);
    if (!over.length) {
      pieces.push(document.createTextNode(piece));
      continue;
    }
    pieces.push(markFor(view, piece, over, started));
  }
  copy.replaceChildren(...pieces);
}

function markFor(view, piece, over, started) {
  const mark = element("mark", { text: piece });
  const ids = over.filter((r) => r.finding !== undefined).map((r) => r.finding);
  const part = over.find((r) => r.part);
  if (part) {
    mark.classList.add("attr", `attr-${part.part}`);
    mark.dataset.part = part.part;
  }
  if (ids.length) {
    const found = ids.map((i) => view.findings[i]);
    const worst = found.reduce((a, b) => (SEVERITY_ORDER[b.d.severity] > SEVERITY_ORDER[a.d.severity] ? b : a));
    mark.classList.add(severityClass(worst.d));
    if (found.every((f) => !f.primary)) mark.classList.add("secondary");
    mark.dataset.findings = ids.join(" ");
    mark.dataset.codes = [...new Set(found.map((f) => f.d.code))].join(" ");
    mark.title = found.map((f) => describe(f)).join("\n\n");
    if (ids.includes(view.selected)) mark.classList.add("selected");
    // The first piece of each finding is where the keyboard stops.
    const first = ids.find((i) => !started.has(i));
    if (first !== undefined) {
      mark.tabIndex = 0;
      mark.id = `v${view.index}-f${first}`;
    }
    ids.forEach((i) => started.add(i));
    mark.addEventListener("click", () => select(view, innermost(view, ids), false));
    mark.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        select(view, innermost(view, ids), false);
      }
    });
  }
  return mark;
}

function describe(f) {
  const head = f.primary ? `${f.d.severity} ${f.d.code} ${f.d.name}: ${f.d.message}` : `${f.label.message} (${f.d.code}: ${f.d.message})`;
  return f.d.help ? `${head}\nhelp: ${f.d.help}` : head;
}

function innermost(view, ids) {
  const length = (i) => view.findings[i].span[1] - view.findings[i].span[0];
  return ids.reduce((a, b) => (length(b) < length(a) ? b : a));
}

function select(view, i, fromList) {
  view.selected = i;
  const f = view.findings[i];
  renderCopy(view);
  const detail = $(".detail", view.node);
  detail.className = `detail ${severityClass(f.d)}`;
  detail.hidden = false;
  const elsewhere = f.d.labels.map((l) => element("p", { class: "where", text: `${l.message || "see"}: ${l.path}` }));
  detail.replaceChildren(
    element("p", {}, element("span", { class: "severity", text: f.d.severity }), ` ${f.d.code} ${f.d.name} — line ${f.d.line}, column ${f.d.column}`),
    element("p", { text: f.primary ? f.d.message : `${f.label.message}: ${f.d.message}` }),
    ...(f.d.help ? [element("p", { class: "help", text: `Help: ${f.d.help}` })] : []),
    ...(f.primary ? elsewhere : [element("p", { class: "where", text: `reported in ${f.d.path}` })]),
  );
  view.node.querySelectorAll(".finding-list button").forEach((b) => b.setAttribute("aria-current", String(b.dataset.finding === String(i))));
  const mark = view.node.querySelector(`mark.selected`);
  if (mark) {
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    if (fromList) mark.focus({ preventScroll: true });
  }
}

function showAttribution(view, i) {
  view.attribution = i;
  renderCopy(view);
  view.node.querySelectorAll(".attributions tbody tr").forEach((row) => row.setAttribute("aria-selected", String(row.dataset.attribution === String(i))));
  const first = view.node.querySelector("mark.attr");
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

// Each discrepancy with its places side by side: where it is reported and where the other account is.
function showDiscrepancies(discrepancies) {
  const section = $("#discrepancies");
  section.hidden = discrepancies.length === 0;
  const list = $(".discrepancy-list", section);
  list.replaceChildren();
  discrepancies.forEach((d) => {
    const places = [{ path: d.path, start: d.start, end: d.end, message: "here" }, ...d.labels];
    const sides = places.map((p) => side(d, p));
    list.append(
      element(
        "li",
        { class: `discrepancy ${severityClass(d)}`, "data-code": d.code },
        element("h3", {}, element("span", { class: `severity ${severityClass(d)}`, text: d.severity }), ` ${d.code} ${d.name}: ${d.message}`),
        element("div", { class: "sides" }, ...sides),
      ),
    );
  });
}

function side(d, place) {
  const view = views.get(place.path);
  const button = element("button", { type: "button", class: "side" }, element("span", { class: "where", text: `${place.path} — ${place.message}` }));
  if (!view) return button;
  const [from, to] = view.range(place.start, place.end);
  const text = view.draft.text;
  const before = text.slice(Math.max(0, from - 70), from);
  const after = text.slice(to, to + 70);
  button.append(
    element("p", { class: "excerpt" }, `…${before.replace(/\s+/g, " ")}`, element("mark", { class: severityClass(d), text: text.slice(from, to) }), `${after.replace(/\s+/g, " ")}…`),
  );
  button.addEventListener("click", () => {
    const i = view.findings.findIndex((f) => f.d === d || (f.span[0] === from && f.span[1] === to && f.d.code === d.code));
    if (i >= 0) select(view, i, true);
  });
  return button;
}

// ---- start --------------------------------------------------------------------------------------

addDraft();
$("#add-draft").addEventListener("click", () => $(".text", addDraft()).focus());
$("#open").addEventListener("change", (e) => openFiles(e.target.files).then(() => (e.target.value = "")));
$("#check").addEventListener("click", check);
document.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    check();
  }
});
