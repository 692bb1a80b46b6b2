// The map: country outlines from the bundled Natural Earth file (world-atlas, served by
// this server; no tiles, no network), drawn with d3-geo on a canvas, with a point per
// event that has a place with coordinates (GET /api/events?shape=point). Wheel to zoom,
// drag to pan, click a point to open its event; "Filter to this view" turns what is in
// view into a bbox filter.

import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { feature, mesh } from "topojson-client";
import { COLOUR, UNREAL } from "./modality.js";

export class WorldMap {
  constructor(canvas, tooltip, onPick) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.onPick = onPick;
    this.items = [];
    this.points = [];
    this.land = null;
    this.borders = null;
    this.zoom = 1;
    this.offset = [0, 0]; // pixels the view is moved from the fitted world
    this.projection = geoNaturalEarth1();
    canvas.addEventListener("wheel", (e) => this.wheel(e), { passive: false });
    canvas.addEventListener("mousedown", (e) => this.dragStart(e));
    window.addEventListener("mouseup", () => (this.dragging = null));
    window.addEventListener("mousemove", (e) => this.dragMove(e));
    canvas.addEventListener("click", (e) => this.click(e));
    canvas.addEventListener("mousemove", (e) => this.hover(e));
    canvas.addEventListener("mouseleave", () => (this.tooltip.hidden = true));
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement);
  }

  setWorld(topology) {
    this.land = feature(topology, topology.objects.countries);
    this.borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
    this.draw();
  }

  setItems(items) {
    this.items = items.filter((i) => Number.isFinite(i.lat) && Number.isFinite(i.lon));
    this.draw();
  }

  // The projection for the canvas: the whole world fitted, then zoomed and moved.
  fit(width, height) {
    const p = this.projection;
    p.fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
    const [tx, ty] = p.translate();
    p.scale(p.scale() * this.zoom);
    p.translate([tx + this.offset[0], ty + this.offset[1]]);
    this.fitted = [tx, ty];
  }

  draw() {
    const canvas = this.canvas;
    const width = canvas.parentElement.clientWidth;
    const height = Math.max(220, Math.round(width * 0.5));
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const g = canvas.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.fit(width, height);
    const path = geoPath(this.projection, g);
    g.fillStyle = "#dfe9f3";
    g.fillRect(0, 0, width, height);
    g.beginPath();
    path({ type: "Sphere" });
    g.fillStyle = "#f7fbff";
    g.fill();
    g.beginPath();
    path(geoGraticule10());
    g.strokeStyle = "#e4ebf2";
    g.lineWidth = 0.5;
    g.stroke();
    if (this.land) {
      g.beginPath();
      path(this.land);
      g.fillStyle = "#e8e4da";
      g.fill();
      g.beginPath();
      path(this.borders);
      g.strokeStyle = "#b9b2a3";
      g.lineWidth = 0.6;
      g.stroke();
    }
    this.points = [];
    g.globalAlpha = 0.7;
    for (const item of this.items) {
      const xy = this.projection([item.lon, item.lat]);
      if (!xy || xy[0] < 0 || xy[1] < 0 || xy[0] > width || xy[1] > height) continue;
      const colour = COLOUR[item.modality] ?? "#444";
      g.beginPath();
      g.arc(xy[0], xy[1], 3.5, 0, 2 * Math.PI);
      if (UNREAL.has(item.modality)) {
        g.strokeStyle = colour;
        g.stroke();
      } else {
        g.fillStyle = colour;
        g.fill();
      }
      this.points.push([xy[0], xy[1], item]);
    }
    g.globalAlpha = 1;
    canvas.dataset.points = String(this.points.length);
    canvas.dataset.outlines = this.land ? String(this.land.features.length) : "0";
  }

  at(event) {
    const box = this.canvas.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }

  nearest(event) {
    const [px, py] = this.at(event);
    let best = null;
    let bestDistance = 7;
    for (const point of this.points) {
      const distance = Math.hypot(point[0] - px, point[1] - py);
      if (distance < bestDistance) {
        best = point;
        bestDistance = distance;
      }
    }
    return best;
  }

  // Zoom about the pointer: the place under it stays under it.
  wheel(event) {
    event.preventDefault();
    const [mx, my] = this.at(event);
    const before = this.zoom;
    this.zoom = Math.min(64, Math.max(1, before * (event.deltaY < 0 ? 1.5 : 1 / 1.5)));
    if (this.zoom === 1) this.offset = [0, 0];
    else {
      const [tx, ty] = this.projection.translate();
      const k = this.zoom / before;
      const [nx, ny] = [mx - k * (mx - tx), my - k * (my - ty)];
      this.offset = [nx - this.fitted[0], ny - this.fitted[1]];
    }
    this.draw();
  }

  dragStart(event) {
    this.dragging = { xy: this.at(event), offset: this.offset, moved: false };
  }

  dragMove(event) {
    if (!this.dragging) return;
    const [x, y] = this.at(event);
    const [x0, y0] = this.dragging.xy;
    if (!this.dragging.moved && Math.hypot(x - x0, y - y0) < 3) return;
    this.dragging.moved = true;
    const [ox, oy] = this.dragging.offset;
    this.offset = [ox + x - x0, oy + y - y0];
    this.draw();
  }

  click(event) {
    if (this.dragging?.moved) return;
    const point = this.nearest(event);
    if (point) this.onPick(point[2]);
  }

  hover(event) {
    if (this.dragging) return;
    const point = this.nearest(event);
    this.canvas.style.cursor = point ? "pointer" : "grab";
    if (!point) {
      this.tooltip.hidden = true;
      return;
    }
    const item = point[2];
    this.tooltip.textContent = `${item.place} · ${item.type} · ${item.modality} · ${item.trigger}`;
    this.tooltip.hidden = false;
    const [x, y] = this.at(event);
    this.tooltip.style.left = `${x + 12}px`;
    this.tooltip.style.top = `${y + 12}px`;
  }

  // The view as a bbox filter value: minlon,minlat,maxlon,maxlat (rounded to 0.01°).
  viewBox() {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const edge = [0, 0.25, 0.5, 0.75, 1];
    const corners = [...edge.flatMap((f) => [[f * width, 0], [f * width, height]]),
      ...edge.flatMap((f) => [[0, f * height], [width, f * height]])]
      .map((xy) => this.projection.invert(xy))
      .filter((c) => c && Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90);
    if (this.zoom === 1 || corners.length < 4) return null;
    const lons = corners.map((c) => c[0]);
    const lats = corners.map((c) => c[1]);
    const r = (v) => Math.round(v * 100) / 100;
    return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].map(r).join(",");
  }

  reset() {
    this.zoom = 1;
    this.offset = [0, 0];
    this.draw();
  }
}
