// The timeline of event points (GET /api/events?shape=point): one lane per modality, events placed by their own time (the event time's
// interval, not the publication date): a dot for a day, a bar for a longer interval, an
// arrow where the interval is open. A line marks today: what lies right of it is due.
// Drawn on a canvas (10,000 events stay fast); a click picks the nearest event.

import { COLOUR, LANE, MODALITIES, UNREAL } from "./modality.js";
import { DAY, day, span, today } from "./time.js";

const LEFT = 96;
const RIGHT = 12;
const TOP = 6;
const AXIS = 22;
const LANE_HEIGHT = 18;

export class Timeline {
  constructor(canvas, tooltip, onPick) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.onPick = onPick;
    this.marks = [];
    canvas.addEventListener("click", (e) => {
      const hit = this.hit(e);
      if (hit) this.onPick(hit.item);
    });
    canvas.addEventListener("mousemove", (e) => this.hover(e));
    canvas.addEventListener("mouseleave", () => (this.tooltip.hidden = true));
    new ResizeObserver(() => this.items && this.draw(this.items)).observe(canvas.parentElement);
  }

  draw(items) {
    this.items = items;
    const placed = [];
    for (const item of items) {
      const s = span(item.time_start, item.time_end);
      if (s) placed.push([item, s]);
    }
    const canvas = this.canvas;
    const width = canvas.parentElement.clientWidth;
    const height = TOP + MODALITIES.length * LANE_HEIGHT + AXIS;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const g = canvas.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    this.canvas.dataset.events = String(placed.length);
    this.canvas.dataset.undated = String(items.length - placed.length);
    const [lo, hi] = domain(placed.map(([, s]) => s));
    const x = (t) => LEFT + ((t - lo) / (hi - lo || DAY)) * (width - LEFT - RIGHT);
    this.drawLanes(g, width);
    this.drawAxis(g, lo, hi, x, height);
    this.marks = [];
    const now = today();
    if (now >= lo && now <= hi) {
      g.strokeStyle = "#b00";
      g.setLineDash([4, 3]);
      g.beginPath();
      g.moveTo(x(now), TOP);
      g.lineTo(x(now), height - AXIS);
      g.stroke();
      g.setLineDash([]);
      g.fillStyle = "#b00";
      g.font = "11px system-ui, sans-serif";
      g.fillText("today", x(now) + 3, TOP + 10);
    }
    for (const [item, [a, b, openLo, openHi]] of placed) {
      const lane = LANE[item.modality] ?? MODALITIES.length - 1;
      const y = TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
      const colour = COLOUR[item.modality] ?? "#444";
      const x0 = Math.max(LEFT, x(Math.max(a, lo)));
      const x1 = Math.min(width - RIGHT, x(Math.min(b, hi)));
      g.globalAlpha = 0.75;
      g.strokeStyle = colour;
      g.fillStyle = colour;
      if (x1 - x0 > 3) {
        g.fillRect(x0, y - 2, x1 - x0, 4);
        if (openHi) arrow(g, x1, y, 1);
        if (openLo) arrow(g, x0, y, -1);
      } else {
        g.beginPath();
        g.arc(x0, y, 3, 0, 2 * Math.PI);
        if (UNREAL.has(item.modality)) g.stroke();
        else g.fill();
      }
      this.marks.push({ x0: x0 - 3, x1: x1 + 3, y, item });
    }
    g.globalAlpha = 1;
  }

  drawLanes(g, width) {
    g.font = "11px system-ui, sans-serif";
    g.textBaseline = "middle";
    MODALITIES.forEach(([name, colour], i) => {
      const y = TOP + i * LANE_HEIGHT;
      if (i % 2 === 0) {
        g.fillStyle = "#f4f6f8";
        g.fillRect(LEFT, y, width - LEFT - RIGHT, LANE_HEIGHT);
      }
      g.fillStyle = colour;
      g.fillText(name, 6, y + LANE_HEIGHT / 2);
    });
    g.textBaseline = "alphabetic";
  }

  drawAxis(g, lo, hi, x, height) {
    const y = height - AXIS;
    g.strokeStyle = "#999";
    g.beginPath();
    g.moveTo(LEFT, y);
    g.lineTo(x(hi), y);
    g.stroke();
    g.fillStyle = "#555";
    g.font = "11px system-ui, sans-serif";
    for (const t of ticks(lo, hi)) {
      g.fillRect(x(t), y, 1, 4);
      g.fillText(label(t, hi - lo), x(t) - 14, y + 15);
    }
  }

  hit(event) {
    const box = this.canvas.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    let best = null;
    let bestDistance = 8;
    for (const mark of this.marks) {
      const dx = px < mark.x0 ? mark.x0 - px : px > mark.x1 ? px - mark.x1 : 0;
      const distance = Math.hypot(dx, py - mark.y);
      if (distance < bestDistance) {
        best = mark;
        bestDistance = distance;
      }
    }
    return best;
  }

  hover(event) {
    const hit = this.hit(event);
    this.canvas.style.cursor = hit ? "pointer" : "default";
    if (!hit) {
      this.tooltip.hidden = true;
      return;
    }
    const item = hit.item;
    this.tooltip.textContent = `${item.time ?? ""} · ${item.type} · ${item.modality} · ${item.trigger}`;
    this.tooltip.hidden = false;
    const box = this.canvas.getBoundingClientRect();
    this.tooltip.style.left = `${event.clientX - box.left + 12}px`;
    this.tooltip.style.top = `${event.clientY - box.top + 12}px`;
  }
}

// The time range shown: the events' own, trimmed of the 1% at either end (a handful of
// open or far-off intervals would otherwise squash the rest), and always including today.
function domain(spans) {
  if (!spans.length) {
    const now = today();
    return [now - 365 * DAY, now + 30 * DAY];
  }
  const los = spans.map((s) => s[0]).sort((a, b) => a - b);
  const his = spans.map((s) => s[1]).sort((a, b) => a - b);
  const cut = Math.floor(spans.length * 0.01);
  let lo = los[cut];
  let hi = his[his.length - 1 - cut];
  const now = today();
  if (now > hi && now - hi < (hi - lo) * 0.5) hi = now;
  const pad = Math.max((hi - lo) * 0.03, 2 * DAY);
  return [lo - pad, hi + pad];
}

function ticks(lo, hi) {
  const years = (hi - lo) / (365 * DAY);
  const out = [];
  const start = new Date(lo);
  if (years > 3) {
    const step = Math.ceil(years / 8);
    for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= hi; y += step) out.push(Date.UTC(y, 0, 1));
  } else if (years > 0.25) {
    const step = Math.max(1, Math.ceil((years * 12) / 8));
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1); t <= hi;) {
      out.push(t);
      const d = new Date(t);
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1);
    }
  } else {
    const step = Math.max(1, Math.ceil((hi - lo) / DAY / 8));
    for (let t = Math.ceil(lo / DAY) * DAY; t <= hi; t += step * DAY) out.push(t);
  }
  return out;
}

function label(t, range) {
  const text = day(t);
  if (range > 3 * 365 * DAY) return text.slice(0, 4);
  if (range > 0.25 * 365 * DAY) return text.slice(0, 7);
  return text.slice(5);
}

function arrow(g, x, y, direction) {
  g.beginPath();
  g.moveTo(x, y - 4);
  g.lineTo(x + 5 * direction, y);
  g.lineTo(x, y + 4);
  g.fill();
}
