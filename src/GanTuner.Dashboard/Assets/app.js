// GanTuner dashboard: one small script, no library. The server aggregates, downsamples and draws the charts
// (SVG); this script asks for them, builds the tables, and refreshes what is on screen when the server pushes
// a change event. It never polls.
"use strict";

const main = document.getElementById("main");
const state = { scale: "linear", tableState: "all", sort: "number", desc: false, offset: 0, limit: 50, refreshing: false, again: false };
let refresh = async () => {};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "onclick") node.addEventListener("click", value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function fmt(value) {
  if (value === null || value === undefined) return "–";
  if (typeof value !== "number") return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  return magnitude >= 1e5 || magnitude < 1e-3 ? value.toExponential(3) : Number(value.toPrecision(5)).toString();
}

function when(text) {
  if (!text) return "–";
  const date = new Date(text);
  return date.toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

function seconds(value) {
  if (value === null || value === undefined) return "–";
  return value < 60 ? value.toFixed(1) + " s" : (value / 60).toFixed(1) + " min";
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({ error: response.statusText }));
    throw new Error(body.error || response.statusText);
  }
  return response.json();
}

async function chart(box, url) {
  const response = await fetch(url);
  box.innerHTML = response.ok ? await response.text() : "";
}

function enc(name) { return encodeURIComponent(name); }

function scaleButtons() {
  const bar = el("div", { class: "toolbar", id: "scale-toggle" }, el("span", { class: "muted", text: "Value axis:" }));
  for (const scale of ["linear", "log"]) {
    bar.append(el("button", {
      class: state.scale === scale ? "active" : null, "data-scale": scale,
      onclick: () => { state.scale = scale; rerender(); },
    }, scale));
  }
  return bar;
}

// ---- studies page ----
async function studiesPage() {
  const studies = await getJson("/api/studies");
  const selected = new Set();
  const compare = el("button", { id: "compare-selected", disabled: true, onclick: () => {
    location.href = "/compare?" + [...selected].map(s => "studies=" + enc(s)).join("&");
  } }, "Compare selected");
  const rows = studies.map(s => {
    const box = el("input", { type: "checkbox", "aria-label": "select " + s.name });
    box.addEventListener("click", e => e.stopPropagation());
    box.addEventListener("change", () => { box.checked ? selected.add(s.name) : selected.delete(s.name); compare.disabled = selected.size < 1; });
    return el("tr", { class: "clickable", "data-study": s.name, onclick: () => { location.href = "/studies/" + enc(s.name); } },
      el("td", {}, box),
      el("td", {}, el("a", { href: "/studies/" + enc(s.name) }, s.name)),
      el("td", {}, s.tuner), el("td", { class: "num" }, s.seed),
      el("td", { class: "num", "data-field": "trials" }, s.trials),
      el("td", { class: "num", "data-field": "complete" }, s.complete),
      el("td", { class: "num" }, s.failed), el("td", { class: "num" }, s.pruned),
      el("td", { class: "num", "data-field": "running" }, s.running),
      el("td", { class: "num", "data-field": "best" }, fmt(s.bestValue)),
      el("td", { class: "num" }, s.bestTrial ?? "–"),
      el("td", {}, when(s.created)),
      el("td", {}, s.isRunning ? el("span", { class: "badge Running" }, "running") : el("span", { class: "muted" }, "idle")));
  });
  const head = ["", "study", "tuner", "seed", "trials", "complete", "failed", "pruned", "running", "best value", "best trial", "created", "now"];
  main.replaceChildren(
    el("h1", {}, "Studies"),
    studies.length === 0 ? el("p", { class: "muted" }, "The store has no study yet.") : null,
    el("table", { id: "studies" }, el("thead", {}, el("tr", {}, head.map(h => el("th", {}, h)))), el("tbody", {}, rows)),
    el("div", { class: "toolbar" }, compare));
}

// ---- study page ----
async function studyPage(name) {
  const study = await getJson("/api/studies/" + enc(name));
  const s = study.summary;
  const scale = "?scale=" + state.scale;
  const boxes = Object.fromEntries(["history", "parallel", "slice", "importance"].map(c => [c, el("div", { class: "chart-box", id: "chart-" + c })]));
  const table = el("div", { id: "trial-table" });
  const running = s.isRunning ? el("span", { class: "badge Running" }, "running now") : el("span", { class: "muted" }, "idle");
  main.replaceChildren(
    el("h1", {}, "Study ", el("span", { id: "study-name" }, s.name), " ", running),
    el("div", { class: "summary", id: "study-summary" },
      el("div", {}, el("span", {}, "tuner"), s.tuner), el("div", {}, el("span", {}, "seed"), s.seed),
      el("div", {}, el("span", {}, "trials"), el("b", { id: "trial-count" }, s.trials)),
      el("div", {}, el("span", {}, "complete"), s.complete), el("div", {}, el("span", {}, "failed"), s.failed),
      el("div", {}, el("span", {}, "pruned"), s.pruned), el("div", {}, el("span", {}, "running"), s.running),
      el("div", {}, el("span", {}, "best"), el("b", { id: "best-value" }, fmt(s.bestValue)), s.bestTrial !== null ? " (trial " + s.bestTrial + ")" : ""),
      el("div", {}, el("span", {}, "created"), when(s.created))),
    el("p", { class: "muted" }, "Space: " + study.parameters.map(p => p.name + " (" + p.kind + (p.range ? ": " + p.range : "") + ")").join("; ")),
    scaleButtons(),
    el("h2", {}, "History"), boxes.history,
    el("h2", {}, "Parallel coordinates"), boxes.parallel,
    el("h2", {}, "Slices"), boxes.slice,
    el("h2", {}, "Hyperparameter importance"),
    el("p", { class: "muted", id: "importance-method" }, "Method: " + study.importance.method + (study.importance.note ? " — " + study.importance.note : "")),
    boxes.importance,
    el("h2", {}, "Trials"), table);
  const base = "/api/studies/" + enc(name) + "/charts/";
  await Promise.all([
    chart(boxes.history, base + "history.svg" + scale), chart(boxes.parallel, base + "parallel.svg" + scale),
    chart(boxes.slice, base + "slice.svg" + scale), chart(boxes.importance, base + "importance.svg"),
    trialTable(name, table)]);
}

async function trialTable(name, box) {
  const query = new URLSearchParams({ state: state.tableState, sort: state.sort, desc: state.desc, offset: state.offset, limit: state.limit });
  const page = await getJson("/api/studies/" + enc(name) + "/trials?" + query);
  const params = page.rows.length > 0 ? Object.keys(page.rows[0].params) : [];
  const filters = el("div", { class: "toolbar", id: "state-filter" }, el("span", { class: "muted", text: "Show:" }));
  for (const key of ["All", "Complete", "Running", "Failed", "Pruned"]) {
    filters.append(el("button", {
      class: state.tableState.toLowerCase() === key.toLowerCase() ? "active" : null, "data-state": key.toLowerCase(),
      onclick: () => { state.tableState = key.toLowerCase(); state.offset = 0; rerender(); },
    }, key + " (" + (page.counts[key] ?? 0) + ")"));
  }
  const columns = [["number", "#"], ["state", "state"], ["value", "value"], ...params.map(p => ["param:" + p, p]), ["seconds", "duration"]];
  const head = el("tr", {}, columns.map(([key, label]) => el("th", {
    class: "sortable" + (state.sort === key ? (state.desc ? " sorted-desc" : " sorted-asc") : ""), "data-sort": key,
    onclick: () => { state.desc = state.sort === key ? !state.desc : false; state.sort = key; state.offset = 0; rerender(); },
  }, label)));
  const rows = page.rows.map(r => el("tr", { class: "clickable", "data-number": r.number, "data-state": r.state,
    onclick: () => { location.href = "/studies/" + enc(name) + "/trials/" + r.number; } },
    el("td", { class: "num" }, r.number),
    el("td", {}, el("span", { class: "badge " + r.state }, r.interrupted ? "Interrupted" : r.state), r.progress ? el("span", { class: "muted progress" }, " " + r.progress) : null, r.injection ? el("span", { class: "muted" }, " injection") : null),
    el("td", { class: "num" }, fmt(r.value)),
    params.map(p => el("td", { class: "num" }, r.params[p] ?? "–")),
    el("td", { class: "num" }, seconds(r.seconds))));
  const last = Math.min(page.offset + page.rows.length, page.total);
  const pager = el("div", { class: "toolbar" },
    el("button", { disabled: page.offset === 0, onclick: () => { state.offset = Math.max(0, state.offset - state.limit); rerender(); } }, "‹ previous"),
    el("span", { class: "muted" }, page.total === 0 ? "no trial" : (page.offset + 1) + "–" + last + " of " + page.total),
    el("button", { disabled: last >= page.total, onclick: () => { state.offset += state.limit; rerender(); } }, "next ›"));
  box.replaceChildren(filters, el("table", { id: "trials" }, el("thead", {}, head), el("tbody", {}, rows)), pager);
}

// ---- trial page ----
async function trialPage(name, number) {
  const t = await getJson("/api/studies/" + enc(name) + "/trials/" + number);
  const r = t.row;
  const base = "/api/studies/" + enc(name) + "/trials/" + number + "/charts/";
  const params = el("table", { id: "params" }, el("tbody", {}, Object.entries(t.exactParams).map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", { class: "num" }, v)))));
  const metrics = el("table", { id: "metrics" },
    el("thead", {}, el("tr", {}, el("th", {}, "metric"), el("th", { class: "num" }, "model"), el("th", { class: "num" }, "naive"), el("th", { class: "num" }, "linear AR"))),
    el("tbody", {}, t.metrics.map(m => el("tr", {}, el("td", {}, m.name), el("td", { class: "num" }, fmt(m.model)), el("td", { class: "num" }, fmt(m.naive)), el("td", { class: "num" }, fmt(m.linear))))));
  const lossBox = el("div", { class: "chart-box", id: "chart-loss" });
  const forecastBox = el("div", { class: "chart-box", id: "chart-forecast" });
  const attributes = el("table", { id: "attributes" }, el("tbody", {}, Object.entries(t.attributes).map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v.length > 200 ? v.slice(0, 200) + "…" : v)))));
  main.replaceChildren(
    el("p", {}, el("a", { href: "/studies/" + enc(name) }, "← study " + name)),
    el("h1", {}, "Trial " + r.number + " ", el("span", { class: "badge " + r.state, id: "trial-state" }, r.interrupted ? "Interrupted" : r.state), r.progress ? el("span", { class: "muted", id: "trial-progress" }, " " + r.progress) : null),
    el("div", { class: "summary" },
      el("div", {}, el("span", {}, "value"), el("b", { id: "trial-value" }, fmt(r.value))),
      el("div", {}, el("span", {}, "started"), when(r.started)), el("div", {}, el("span", {}, "finished"), when(t.finished)),
      el("div", {}, el("span", {}, "duration"), seconds(r.seconds))),
    scaleButtons(),
    el("div", { class: "grid2" }, el("div", {}, el("h2", {}, "Parameters"), params), el("div", {}, el("h2", {}, "Metrics beside the baselines"), t.metrics.length ? metrics : el("p", { class: "muted" }, "No metric recorded (yet)."))),
    el("h2", {}, "Loss per epoch"), t.losses ? lossBox : el("p", { class: "note", id: "no-losses" }, "This trial did not record per-epoch losses."),
    el("h2", {}, "Test period: actual, predicted and naive"), t.forecast.available ? forecastBox : el("p", { class: "note", id: "no-forecast" }, t.forecast.note),
    el("h2", {}, "Attributes"), attributes);
  const scale = "?scale=" + state.scale;
  await Promise.all([t.losses ? chart(lossBox, base + "loss.svg" + scale) : null, t.forecast.available ? chart(forecastBox, base + "forecast.svg" + scale) : null]);
}

// ---- compare page ----
async function comparePage() {
  const wanted = new URLSearchParams(location.search).getAll("studies");
  const studies = await getJson("/api/studies");
  const chosen = new Set(wanted);
  const list = el("div", { class: "toolbar", id: "compare-list" }, studies.map(s => {
    const box = el("input", { type: "checkbox", "data-study": s.name, checked: chosen.has(s.name) });
    box.addEventListener("change", () => {
      box.checked ? chosen.add(s.name) : chosen.delete(s.name);
      history.replaceState(null, "", "/compare?" + [...chosen].map(n => "studies=" + enc(n)).join("&"));
      rerender();
    });
    return el("label", {}, box, " " + s.name + " ");
  }));
  const box = el("div", { class: "chart-box", id: "chart-compare" });
  main.replaceChildren(el("h1", {}, "Compare studies"), el("p", { class: "muted" }, "Best value so far against the trial number."), list, scaleButtons(), box);
  const query = [...chosen].map(n => "studies=" + enc(n)).join("&");
  await chart(box, "/api/compare/chart.svg?scale=" + state.scale + (query ? "&" + query : ""));
}

// ---- routing and live updates ----
function route() {
  const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return studiesPage;
  if (parts[0] === "compare") return comparePage;
  if (parts[0] === "studies" && parts.length === 2) return () => studyPage(parts[1]);
  if (parts[0] === "studies" && parts.length === 4 && parts[2] === "trials") return () => trialPage(parts[1], Number(parts[3]));
  return async () => main.replaceChildren(el("p", {}, "No such page."));
}

// One refresh at a time; a change that arrives during one causes exactly one more.
async function rerender() {
  if (state.refreshing) { state.again = true; return; }
  state.refreshing = true;
  try {
    do {
      state.again = false;
      try {
        await refresh();
        document.body.dataset.version = String(state.version ?? "");
      } catch (error) {
        main.replaceChildren(el("p", { class: "note" }, "Cannot show this page: " + error.message));
      }
    } while (state.again);
  } finally {
    state.refreshing = false;
    document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
  }
}

function listen() {
  const status = document.getElementById("live-status");
  const events = new EventSource("/api/events");
  events.addEventListener("open", () => { status.textContent = "live"; status.className = "live on"; });
  events.addEventListener("error", () => { status.textContent = "reconnecting…"; status.className = "live off"; });
  events.addEventListener("change", event => {
    const version = JSON.parse(event.data).version;
    if (version === state.version) return;
    state.version = version;
    rerender();
  });
}

refresh = route();
rerender();
listen();
