// The filter form and the page's address: the page's query string holds the same
// parameters as GET /api/events (type, modality, actor, country, since, until, text, bbox,
// collapse), so a filtered view can be bookmarked and its API call read off the address.

import { $ } from "./dom.js";

const FIELDS = ["type", "actor", "country", "since", "until", "text", "bbox"];

export function fromAddress() {
  return new URLSearchParams(window.location.search);
}

export function fill(form, params) {
  for (const name of FIELDS) {
    const input = form.elements.namedItem(name);
    if (input) input.value = params.get(name) ?? "";
  }
  const wanted = new Set(params.getAll("modality").flatMap((m) => m.split(",")));
  for (const box of form.querySelectorAll("input[name=modality]")) box.checked = wanted.has(box.value);
  form.elements.namedItem("collapse").checked = ["1", "true"].includes(params.get("collapse"));
  showBox(form, params.get("bbox"));
}

export function read(form) {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    const value = form.elements.namedItem(name)?.value.trim();
    if (value) params.set(name, value);
  }
  for (const box of form.querySelectorAll("input[name=modality]:checked")) params.append("modality", box.value);
  if (form.elements.namedItem("collapse").checked) params.set("collapse", "true");
  return params;
}

export function remember(params) {
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

export function showBox(form, bbox) {
  const chip = $("#bbox-chip", form);
  chip.hidden = !bbox;
  $("#bbox-text", form).textContent = bbox ? bbox.split(",").map((v) => Number(v).toFixed(1)).join(", ") : "";
}
