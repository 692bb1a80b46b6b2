// The list of events, a page at a time (GET /api/events, the eventwire/1 event shape):
// when (the event's own time), what (type, modality), who (actors -> recipients), where,
// and the sentence with the trigger marked; a click opens the evidence.

import { el, clear, number } from "./dom.js";
import { getJson } from "./api.js";
import { COLOUR } from "./modality.js";

export const STEP = 200;

export class EventList {
  constructor(root, more, onPick) {
    this.root = root;
    this.more = more;
    this.onPick = onPick;
    this.params = new URLSearchParams();
    this.shown = 0;
    this.total = 0;
    more.addEventListener("click", () => this.showMore());
  }

  // The first page, already fetched with these filters.
  set(params, page) {
    this.params = params;
    this.shown = 0;
    clear(this.root);
    this.add(page);
  }

  add(page) {
    this.root.append(...page.items.map((item) => this.row(item)));
    this.shown += page.items.length;
    if (page.total !== null) [this.total, this.exact] = [page.total, page.total_exact];
    const left = this.total - this.shown;
    this.more.hidden = left <= 0 || page.items.length === 0;
    const of = this.exact ? number(left) : `more than ${number(left - 1)}`;
    this.more.textContent = `Show ${number(Math.min(STEP, left))} more of ${of}`;
  }

  async showMore() {
    const params = new URLSearchParams(this.params);
    params.set("limit", String(STEP));
    params.set("offset", String(this.shown));
    this.more.disabled = true;
    try {
      this.add(await getJson("/api/events", params));
    } finally {
      this.more.disabled = false;
    }
  }

  row(item) {
    const when = item.time?.value ?? "no event time";
    const actors = (item.actors ?? []).map((a) => a.name).join(", ");
    const recipients = (item.recipients ?? []).map((a) => a.name).join(", ");
    return el("li", {},
      el("button", { type: "button", class: "event", dataset: { article: item.article.id, event: item.id }, onclick: () => this.onPick(item) },
        el("span", { class: "when" }, when),
        el("span", { class: "type" }, item.type),
        modalityBadge(item.modality),
        el("span", { class: "who" }, actors, recipients ? ` → ${recipients}` : ""),
        item.location ? el("span", { class: "where" }, item.location.name) : null,
        el("span", { class: "sentence" }, ...sentenceParts(item)),
        el("span", { class: "source" }, item.article.title || item.article.url || item.article.id,
          item.article.outlet ? ` · ${item.article.outlet}` : "")));
  }
}

export function modalityBadge(modality) {
  const badge = el("span", { class: `modality m-${modality}` }, modality);
  badge.style.borderColor = COLOUR[modality] ?? "#444";
  badge.style.color = COLOUR[modality] ?? "#444";
  return badge;
}

// The sentence with its trigger in <b>, by the trigger's offsets (article offsets, made
// relative to the sentence's start).
function sentenceParts(item) {
  const text = item.sentence?.text ?? "";
  const start = item.trigger.start - item.sentence.start;
  const end = item.trigger.end - item.sentence.start;
  if (!(start >= 0 && end <= text.length && start < end)) return [text];
  return [text.slice(0, start), el("b", {}, text.slice(start, end)), text.slice(end)];
}
