// The ledger (commitments: what was planned, promised or threatened, when it is due, and
// whether it happened) and the stories (one event across articles and outlets).

import { clear, el, number } from "./dom.js";

function names(actors) {
  return (actors ?? []).map((a) => (typeof a === "string" ? a : a.name)).join(", ");
}

function size(value) {
  return Array.isArray(value) ? value.length : value;
}

export function drawLedger(root, entries, onPick) {
  clear(root);
  if (!entries.length) {
    root.append(el("p", { class: "quiet" }, "No commitments in the ledger for these filters."));
    return;
  }
  const rows = entries.map((entry) => el("tr", { class: `status-${entry.status}` },
    el("td", { class: "due" }, entry.due ? `${entry.due.relation ?? ""} ${entry.due.value ?? ""}`.trim() : "—"),
    el("td", {}, el("span", { class: `status s-${entry.status}` }, entry.status)),
    el("td", {}, entry.type),
    el("td", {}, names(entry.actors)),
    el("td", {}, el("button", { type: "button", class: "open-event", onclick: () => onPick(entry.event.article, entry.event.event) }, "evidence"),
      entry.history?.length > 1 ? el("span", { class: "quiet" }, ` ${entry.history.length} reports`) : "")));
  root.append(el("table", { class: "ledger" },
    el("thead", {}, el("tr", {}, ...["Due", "Status", "What", "Who", ""].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows)));
}

export function drawStories(root, stories, onPick) {
  clear(root);
  if (!stories.length) {
    root.append(el("p", { class: "quiet" }, "No stories for these filters."));
    return;
  }
  root.append(el("ul", { class: "stories" }, ...stories.map((story) => el("li", {},
    el("details", {},
      el("summary", {}, el("b", {}, story.type), ` · ${number(size(story.articles))} articles, ${number(size(story.outlets))} outlets, `,
        `${number(story.independent_sources ?? 0)} independent sources · ${story.first_published ?? ""}${story.last_published && story.last_published !== story.first_published ? ` … ${story.last_published}` : ""}`),
      el("ul", {}, ...story.events.map((e) => el("li", {},
        el("button", { type: "button", class: "open-event", onclick: () => onPick(e.article, e.event) }, e.trigger?.text ?? e.event),
        ` ${e.modality ?? ""}`))))))));
}
