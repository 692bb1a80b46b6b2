// The page: filters, then the timeline, the map and the list of the matching events, the
// ledger, the stories and the actors network in tabs, and an event's evidence on demand.
// Everything shown comes from this server's JSON API, as data put into the page as text.

import { getJson } from "./api.js";
import { $, el, number } from "./dom.js";
import { Evidence } from "./evidence.js";
import { fill, fromAddress, read, remember, showBox } from "./filters.js";
import { EventList, STEP } from "./list.js";
import { WorldMap } from "./map.js";
import { MODALITIES, TYPES } from "./modality.js";
import { drawNetwork } from "./network.js";
import { drawLedger, drawStories, ledgerControls } from "./corpus.js";
import { Timeline } from "./timeline.js";

// Events drawn on the timeline and the map at once (as points); the list pages by STEP.
const POINTS = 10000;

const state = { params: new URLSearchParams(), loaded: new Set(), request: 0 };

function setStatus(text, { error = false } = {}) {
  const status = $("#status");
  status.textContent = text;
  status.classList.toggle("error", error);
}

function buildForm(form) {
  const types = form.elements.namedItem("type");
  for (const type of TYPES) types.append(el("option", { value: type }, type));
  $("#modalities", form).append(...MODALITIES.map(([name, colour]) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour;
    return el("label", { class: "chip" }, el("input", { type: "checkbox", name: "modality", value: name }), swatch, name);
  }));
}

async function load() {
  const ticket = ++state.request;
  const filters = new URLSearchParams(state.params);
  const points = new URLSearchParams(filters);
  points.set("shape", "point");
  points.set("limit", String(POINTS));
  const first = new URLSearchParams(filters);
  first.set("limit", String(STEP));
  first.set("total", "none"); // the points' answer counts the matches once
  setStatus("Loading events…");
  document.documentElement.dataset.state = "loading";
  let drawn;
  let listed;
  try {
    [drawn, listed] = await Promise.all([getJson("/api/events", points), getJson("/api/events", first)]);
  } catch (error) {
    setStatus(error.message, { error: true });
    document.documentElement.dataset.state = "error";
    return;
  }
  if (ticket !== state.request) return;
  state.timeline.draw(drawn.items);
  state.map.setItems(drawn.items);
  state.list.set(filters, { ...listed, total: drawn.total, total_exact: drawn.total_exact });
  const matching = drawn.total_exact ? number(drawn.total) : `More than ${number(drawn.total - 1)}`;
  setStatus(drawn.total > drawn.items.length
    ? `${matching} events match; the timeline and the map show the first ${number(drawn.items.length)}`
    : `${matching} events match`);
  $("#status").dataset.total = String(drawn.total);
  $("#status").dataset.exact = String(drawn.total_exact);
  $("#status").dataset.shown = String(drawn.items.length);
  state.loaded.clear();
  showTab(state.tab ?? "events");
  document.documentElement.dataset.state = "ready";
  performance.mark("eventwire-ready");
}

async function loadTab(name) {
  if (name === "events" || state.loaded.has(name)) return;
  state.loaded.add(name);
  const root = $(`#tab-${name} .content`);
  root.textContent = "Loading…";
  try {
    if (name === "actors") {
      const network = await getJson("/api/actors", state.params);
      drawNetwork(root, network, (actor) => applyFilter({ actor: actor.name }));
    } else if (name === "ledger") {
      const params = new URLSearchParams();
      for (const key of ["actor"]) if (state.params.get(key)) params.set(key, state.params.get(key));
      if (state.ledgerStatus) params.set("status", state.ledgerStatus);
      const ledger = await getJson("/api/ledger", params);
      root.textContent = "";
      ledgerControls(root, state.ledgerStatus, (status) => {
        state.ledgerStatus = status;
        state.loaded.delete("ledger");
        loadTab("ledger");
      });
      drawLedger(root, ledger, (article, event) => state.evidence.open(article, event));
    } else if (name === "stories") {
      const params = new URLSearchParams();
      const type = state.params.get("type")?.split(",")[0];
      if (type) params.set("type", type);
      for (const key of ["actor", "since", "until"]) if (state.params.get(key)) params.set(key, state.params.get(key));
      const stories = await getJson("/api/stories", params);
      drawStories(root, stories, (article, event) => state.evidence.open(article, event));
    }
  } catch (error) {
    root.textContent = "";
    root.append(el("p", { class: "error" }, error.message));
  }
}

function showTab(name) {
  state.tab = name;
  for (const button of document.querySelectorAll("[role=tab]")) {
    const on = button.dataset.tab === name;
    button.setAttribute("aria-selected", String(on));
    $(`#tab-${button.dataset.tab}`).hidden = !on;
  }
  loadTab(name);
}

function applyFilter(changes) {
  const form = $("#filters");
  const params = read(form);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  fill(form, params);
  state.params = params;
  remember(params);
  load();
}

// An event picked on the timeline or the map (a point) or in the list (an event item).
function pick(item) {
  if (item.article_id) state.evidence.open(item.article_id, item.event_id);
  else state.evidence.open(item.article.id, item.id);
}

async function loadWorld() {
  try {
    state.map.setWorld(await getJson("/static/world-110m.json"));
  } catch (error) {
    setStatus(`map outlines: ${error.message}`, { error: true });
  }
}

function boot() {
  const form = $("#filters");
  buildForm(form);
  state.params = fromAddress();
  fill(form, state.params);
  state.timeline = new Timeline($("#timeline-canvas"), $("#timeline-tip"), pick);
  state.map = new WorldMap($("#map-canvas"), $("#map-tip"), pick);
  state.list = new EventList($("#event-list"), $("#more"), pick);
  state.evidence = new Evidence($("#evidence"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    applyFilter({});
  });
  form.addEventListener("reset", () => setTimeout(() => applyFilter({ bbox: null }), 0));
  $("#bbox-clear").addEventListener("click", () => applyFilter({ bbox: null }));
  $("#map-filter").addEventListener("click", () => {
    const box = state.map.viewBox();
    if (box) applyFilter({ bbox: box });
    else setStatus("Zoom into the map first: the whole world is no filter.");
  });
  $("#map-reset").addEventListener("click", () => state.map.reset());
  for (const button of document.querySelectorAll("[role=tab]")) button.addEventListener("click", () => showTab(button.dataset.tab));
  showBox(form, state.params.get("bbox"));
  loadWorld();
  load();
}

boot();
