// Builds the page's files into the Python package (src/eventwire/web/static/), where they
// are committed, so that installing eventwire needs no node:
//   app.js          src/main.js and its imports (d3-geo, d3-force, topojson-client), minified
//   app.css         src/app.css
//   world-110m.json Natural Earth country outlines, 1:110m (world-atlas)
// Run: cd frontend && npm ci && npm run build
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "eventwire", "web", "static");
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  outfile: join(out, "app.js"),
  legalComments: "eof",
  logLevel: "warning",
});
copyFileSync(join(here, "src", "app.css"), join(out, "app.css"));
copyFileSync(join(here, "src", "favicon.svg"), join(out, "favicon.svg"));
copyFileSync(join(here, "node_modules", "world-atlas", "countries-110m.json"), join(out, "world-110m.json"));
writeFileSync(join(out, "LICENSES.txt"), [
  "Bundled into app.js: d3-geo, d3-force, d3-array, d3-dispatch, d3-quadtree, d3-timer",
  "(ISC, Copyright Mike Bostock), topojson-client (ISC, Copyright Mike Bostock).",
  "world-110m.json: world-atlas 2.0.2 (ISC, Copyright Mike Bostock), made from Natural",
  "Earth's 1:110m Admin 0 country boundaries (public domain, naturalearthdata.com).",
  "",
].join("\n"));

for (const name of ["app.js", "app.css", "world-110m.json"]) {
  const bytes = readFileSync(join(out, name));
  console.log(`${name}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
}
