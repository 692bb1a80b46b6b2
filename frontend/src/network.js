// The actors network: the actors of the matching events (GET /api/actors), sized by how
// many events they take part in, with an arrow where one acts on another (recipient) and a
// dashed line where they act together. Laid out by d3-force; a click filters by the actor.

import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation } from "d3-force";
import { clear, el, svg } from "./dom.js";

const SECTOR_COLOURS = {
  GOV: "#1f4e9c", MIL: "#5b6b2f", REB: "#b5462f", PTY: "#7b4fc9", IGO: "#16a3a3", NGO: "#1b8a4b",
  MED: "#c2549b", BUS: "#9c6b1f", CVL: "#777777", JUD: "#444477", LEG: "#2f6f8f", COP: "#334466",
};

export function drawNetwork(root, network, onPick) {
  clear(root);
  if (!network.actors.length) {
    root.append(el("p", { class: "quiet" }, "No actors in the matching events."));
    return;
  }
  const width = Math.max(320, root.clientWidth || 600);
  const height = Math.max(360, Math.round(width * 0.75));
  const most = Math.max(...network.actors.map((a) => a.events));
  const nodes = network.actors.map((a) => ({ ...a, id: a.name, r: 4 + 14 * Math.sqrt(a.events / most) }));
  const known = new Set(nodes.map((n) => n.id));
  const links = network.links.filter((l) => known.has(l.source) && known.has(l.target)).map((l) => ({ ...l }));
  const simulation = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(70))
    .force("charge", forceManyBody().strength(-160))
    .force("center", forceCenter(width / 2, height / 2))
    .force("collide", forceCollide((d) => d.r + 3))
    .stop();
  for (let i = 0; i < 240; i += 1) simulation.tick();
  for (const n of nodes) {
    n.x = Math.max(n.r, Math.min(width - n.r, n.x));
    n.y = Math.max(n.r, Math.min(height - n.r, n.y));
  }
  const most_link = Math.max(1, ...links.map((l) => l.events));
  const picture = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "network", role: "img", "aria-label": "actors network" },
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#888" }))),
    ...links.map((l) => {
      const [dx, dy] = [l.target.x - l.source.x, l.target.y - l.source.y];
      const length = Math.hypot(dx, dy) || 1;
      const end = [l.target.x - (dx / length) * (l.target.r + 2), l.target.y - (dy / length) * (l.target.r + 2)];
      return svg("line", {
        x1: l.source.x, y1: l.source.y, x2: end[0], y2: end[1],
        class: `link ${l.kind}`, "stroke-width": 0.8 + 3 * (l.events / most_link),
        "marker-end": l.kind === "recipient" ? "url(#arrow)" : null,
      }, svg("title", {}, `${l.source.id} ${l.kind === "recipient" ? "→" : "&"} ${l.target.id}: ${l.events} events`));
    }),
    ...nodes.map((n) => svg("g", { class: "node", transform: `translate(${n.x},${n.y})`, onclick: () => onPick(n) },
      svg("circle", { r: n.r, fill: SECTOR_COLOURS[n.sector] ?? "#999" }),
      svg("text", { x: n.r + 3, y: 4 }, n.name),
      svg("title", {}, `${n.name} ${[n.country, n.sector].filter(Boolean).join(" ")}: ${n.events} events (${n.as_actor} as actor, ${n.as_recipient} as recipient)`))));
  root.append(picture);
}
