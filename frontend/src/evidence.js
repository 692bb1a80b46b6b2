// An event's evidence: its article's text with the trigger, actors, recipients, place,
// time, modality cue, count and sources highlighted (by their character offsets), what
// the event says, and the article's quotes, the event's own first.

import { el, clear, link } from "./dom.js";
import { getJson } from "./api.js";
import { modalityBadge } from "./list.js";

// Highlight kinds, weakest first: a later kind's colour wins where spans overlap.
const KINDS = ["sentence", "said", "source", "time", "place", "cue", "recipient", "actor", "trigger"];

export class Evidence {
  constructor(panel) {
    this.panel = panel;
    this.body = panel.querySelector(".evidence-body");
    panel.querySelector(".close").addEventListener("click", () => this.close());
    document.addEventListener("keydown", (e) => e.key === "Escape" && this.close());
  }

  close() {
    this.panel.hidden = true;
  }

  async open(articleId, eventId) {
    this.panel.hidden = false;
    clear(this.body).append(el("p", { class: "status" }, "Loading the article…"));
    let result;
    try {
      result = await getJson(`/api/articles/${encodeURIComponent(articleId)}`);
    } catch (error) {
      clear(this.body).append(el("p", { class: "error" }, error.message));
      return;
    }
    const event = result.events.find((e) => e.id === eventId) ?? result.events[0];
    this.render(result, event);
  }

  render(result, event) {
    const article = result.article;
    const header = el("header", {},
      el("h2", { class: "title" }, article.title || "(no title)"),
      el("p", { class: "meta" }, [article.outlet, article.published].filter(Boolean).join(" · "), " ",
        article.url ? link(article.url) : null));
    const text = el("div", { class: "article-text", tabindex: "0" }, ...highlighted(result, event));
    clear(this.body).append(header, event ? summary(result, event) : el("p", {}, "No events in this article."),
      el("h3", {}, "Article ", legend()), text, quoteList(result, event));
    this.panel.dataset.article = article.id;
    this.panel.dataset.event = event?.id ?? "";
    const trigger = text.querySelector("mark.trigger");
    if (trigger) text.scrollTop = Math.max(0, trigger.offsetTop - text.offsetTop - text.clientHeight / 3);
  }
}

const LEGEND = [["trigger", "trigger"], ["actor", "actor"], ["recipient", "recipient"], ["place", "place"],
  ["time", "time"], ["source", "source"], ["said", "reporting cue"], ["cue", "modality cue"],
  ["sentence", "sentence"]];

function legend() {
  return el("span", { class: "legend" }, ...LEGEND.map(([kind, label]) => el("mark", { class: `key ${kind}` }, label)));
}

// The attributions whose content holds the event's trigger: who says so, and with what words.
function attributionsOf(result, event) {
  if (!event) return [];
  const at = event.trigger.start;
  return (result.attributions ?? []).filter((a) =>
    (a.content ?? []).some((piece) => piece && piece.start <= at && at < piece.end));
}

function byId(list) {
  return Object.fromEntries((list ?? []).map((x) => [x.id, x]));
}

// The spans to mark for the event: [start, end, kind].
function spans(result, event) {
  if (!event) return [];
  const places = byId(result.places);
  const times = byId(result.times);
  const sources = byId(result.sources);
  const out = [[event.sentence.start, event.sentence.end, "sentence"], [event.trigger.start, event.trigger.end, "trigger"]];
  for (const a of event.actors) if (a.start !== null && a.end !== null) out.push([a.start, a.end, "actor"]);
  for (const a of event.recipients) if (a.start !== null && a.end !== null) out.push([a.start, a.end, "recipient"]);
  if (event.modality_cue) out.push([event.modality_cue.start, event.modality_cue.end, "cue"]);
  const place = places[event.place];
  if (place) out.push([place.start, place.end, "place"]);
  const time = times[event.time?.time_id];
  if (time) out.push([time.start, time.end, "time"]);
  for (const id of event.attributed_to) {
    const source = sources[id];
    if (source && source.start !== null && source.end !== null) out.push([source.start, source.end, "source"]);
  }
  for (const a of attributionsOf(result, event)) {
    if (a.cue) out.push([a.cue.start, a.cue.end, "said"]);
    if (a.source_span) out.push([a.source_span.start, a.source_span.end, "source"]);
  }
  return out.filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s < e);
}

// The text cut at every span boundary; each piece a text node, or a <mark> whose classes
// name every kind covering it (the strongest first, for the colour).
function highlighted(result, event) {
  const text = result.article.text;
  const marks = spans(result, event);
  const cuts = new Set([0, text.length]);
  for (const [s, e] of marks) {
    cuts.add(Math.max(0, Math.min(text.length, s)));
    cuts.add(Math.max(0, Math.min(text.length, e)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const kinds = marks.filter(([s, e]) => s <= a && e >= b).map(([, , k]) => k);
    const piece = text.slice(a, b);
    if (!kinds.length) out.push(piece);
    else {
      const ordered = [...new Set(kinds)].sort((x, y) => KINDS.indexOf(y) - KINDS.indexOf(x));
      out.push(el("mark", { class: ordered.join(" ") }, piece));
    }
  }
  return out;
}

function actorText(actor) {
  const codes = [actor.country, actor.sector].filter(Boolean).join(" ");
  return codes ? `${actor.name} (${codes})` : actor.name;
}

function summary(result, event) {
  const places = byId(result.places);
  const sources = byId(result.sources);
  const place = places[event.place];
  const rows = [
    ["What", `${event.type}${event.plover_type !== event.type ? ` (PLOVER: ${event.plover_type})` : ""}`],
    ["Modality", [modalityBadge(event.modality), event.modality_cue ? ` cue: “${event.modality_cue.text}”` : ""]],
    ["Trigger", el("mark", { class: "trigger" }, event.trigger.text)],
    ["Who", event.actors.map(actorText).join(", ") || "—"],
    ["To whom", event.recipients.map(actorText).join(", ") || "—"],
    ["Where", place ? [place.name, place.country].filter(Boolean).join(", ") : "—"],
    ["When", event.time ? `${event.time.relation} ${event.time.value}` + (event.time.interval ? ` [${event.time.interval.map((v) => v ?? "open").join(" … ")}]` : "") : "no event time"],
    ["Sources", event.attributed_to.map((id) => sources[id]).filter(Boolean).map(sourceText).join("; ") || "the outlet"],
    ["Said", attributionsOf(result, event).map((a) => `${sources[a.source]?.name ?? a.source_span?.text ?? "unnamed"}: ${a.kind}${a.cue ? ` (“${a.cue.text}”)` : ""}`).join("; ") || null],
    ["Count", event.count ? `${event.count.text ?? ""} (${event.count.min ?? "?"}${event.count.max !== event.count.min ? `–${event.count.max ?? ""}` : ""})` : null],
    ["Confidence", String(event.confidence)],
  ].filter(([, v]) => v !== null);
  const list = el("dl", { class: "summary" }, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  const trace = el("details", { class: "trace" }, el("summary", {}, "Rules that decided it"), el("ul", {}, ...event.trace.map((t) => el("li", {}, t))));
  return el("section", { class: "event-summary" }, list, trace);
}

function sourceText(source) {
  const who = source.name ?? source.text ?? source.kind;
  const count = source.count && source.count > 1 ? ` (${source.count})` : "";
  return `${who}${count}, ${source.kind}`;
}

function quoteList(result, event) {
  const quotes = result.quotes ?? [];
  if (!quotes.length) return el("p", { class: "quiet" }, "No quotes in this article.");
  const sources = byId(result.sources);
  const own = new Set(event?.attributed_to ?? []);
  const inSentence = (q) => event && q.start < event.sentence.end && q.end > event.sentence.start;
  const mine = (q) => own.has(q.speaker) || inSentence(q);
  const ordered = [...quotes.filter(mine), ...quotes.filter((q) => !mine(q))];
  return el("section", { class: "quotes" }, el("h3", {}, "Quotes"),
    el("ul", {}, ...ordered.map((q) => el("li", { class: mine(q) ? "quote own" : "quote" },
      el("q", {}, q.text),
      el("span", { class: "speaker" }, " — ", sources[q.speaker]?.name ?? q.speaker_span?.text ?? "unattributed",
        q.direct ? "" : " (reported)")))));
}
