// The ledger (commitments: what was planned, promised, expected or threatened, when it is
// due, and whether later reports fulfil, reschedule or contradict it) and the stories (one
// event reported across articles and outlets), from GET /api/ledger and GET /api/stories.
// Each report opens its evidence by the stored article id the API gives beside it.

import { clear, el, number } from "./dom.js";

const STATUSES = ["open", "overdue", "rescheduled", "fulfilled", "contradicted"];

function names(actors) {
  return (actors ?? []).map((a) => (typeof a === "string" ? a : a.name)).join(", ");
}

function due(value) {
  if (!value) return "—";
  const until = value.interval?.[1];
  return `${value.relation ?? ""} ${value.value ?? ""}`.trim() + (until ? ` (${until})` : "");
}

function opener(report, label, onPick) {
  return el("button", { type: "button", class: "open-event", onclick: () => onPick(report.article_id ?? report.article, report.event) }, label);
}

// The ledger's own filter: a status, as of today.
export function ledgerControls(root, status, onChange) {
  const select = el("select", { name: "status", onchange: () => onChange(select.value) },
    el("option", { value: "" }, "any status"), ...STATUSES.map((s) => el("option", { value: s }, s)));
  select.value = status ?? "";
  root.append(el("p", { class: "ledger-controls" }, el("label", {}, "Status ", select), " as of today"));
}

export function drawLedger(root, page, onPick) {
  const entries = page.items;
  if (!entries.length) {
    root.append(el("p", { class: "quiet" }, "No commitments in the ledger for these filters."));
    return;
  }
  const rows = entries.map((entry) => el("tr", { class: `status-${entry.status}` },
    el("td", { class: "due" }, due(entry.due)),
    el("td", {}, el("span", { class: `status s-${entry.status}` }, entry.status)),
    el("td", {}, entry.type),
    el("td", {}, names(entry.actors)),
    el("td", { class: "history" }, ...(entry.history ?? []).map((h) =>
      opener(h, `${h.status} ${h.published ?? ""}`.trim(), onPick)))));
  root.append(el("table", { class: "ledger" },
    el("thead", {}, el("tr", {}, ...["Due", "Status", "What", "Who", "Reports"].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows)));
  if (page.more) root.append(el("p", { class: "quiet" }, `The first ${number(entries.length)} commitments are shown.`));
}

export function drawStories(root, page, onPick) {
  const stories = page.items;
  clear(root);
  if (!stories.length) {
    root.append(el("p", { class: "quiet" }, "No stories for these filters."));
    return;
  }
  root.append(el("ul", { class: "stories" }, ...stories.map((story) => el("li", { class: "story" },
    el("details", {},
      el("summary", {}, el("b", {}, story.type), ` · ${number(story.articles)} articles, ${number(story.outlets)} outlets, `,
        `${number(story.independent_sources)} independent sources · ${story.first_published ?? ""}`,
        story.last_published && story.last_published !== story.first_published ? ` … ${story.last_published}` : ""),
      el("ul", {}, ...story.events.map((e) => el("li", {},
        opener(e, e.trigger?.text ?? e.event, onPick), ` ${e.modality ?? ""} · ${e.article}`))))))));
  if (page.more) root.append(el("p", { class: "quiet" }, `The first ${number(stories.length)} stories are shown.`));
}
