// Event times as day numbers (ms since the epoch, UTC) for drawing. An interval bound may
// be a full date, a datetime, a month ("2025-09") or a year ("2025"); an open side is null.

const DAY = 86400000;

function startOf(value) {
  if (!value) return null;
  const [y, m = "01", d = "01"] = value.slice(0, 10).split("-");
  const t = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return Number.isFinite(t) ? t : null;
}

function endOf(value) {
  if (!value) return null;
  const parts = value.slice(0, 10).split("-");
  const [y, m, d] = parts.map(Number);
  let t;
  if (parts.length === 1) t = Date.UTC(y + 1, 0, 1) - DAY;
  else if (parts.length === 2) t = Date.UTC(y, m, 1) - DAY;
  else t = Date.UTC(y, m - 1, d);
  return Number.isFinite(t) ? t : null;
}

// [lo, hi, openLo, openHi] of an event time's interval (its start and end, either may be
// null for an open side), or null when it has none.
export function span(start, end) {
  if (!start && !end) return null;
  let lo = startOf(start);
  let hi = endOf(end);
  if (lo === null && hi === null) return null;
  const openLo = lo === null;
  const openHi = hi === null;
  if (openLo) lo = hi;
  if (openHi) hi = lo;
  if (hi < lo) hi = lo;
  return [lo, hi, openLo, openHi];
}

export function day(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function today() {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

export { DAY };
