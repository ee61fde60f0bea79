// A tiny static file server for the tests and the bench: serves dist/ (or any root) on
// 127.0.0.1, with optional extra headers per path (CSP for hostile-host pages, CORS for
// the "CDN" origin) and gzip/identity only, no caching surprises.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/**
 * Starts a server. `routes` maps a URL path to {body, type, headers} for generated pages.
 * `headers(path)` may add headers to any response; `prefix` serves `root` under a sub-path
 * (like a CDN folder), `prefixes` under each of several. Resolves to {url, close}.
 */
// Compressed bodies by encoding and content hash: a CDN compresses a file once, not on
// every request. Compressing the 270 KB standalone page (brotli, quality 11) per request
// took 0.5–1 s on a busy machine, which Lighthouse read as server time, so the page's
// simulated first paint swung by as much.
const compressed = new Map();

/** Compresses like a CDN would when the client accepts it (`compress: true`). */
function encode(req, body, type, compress) {
  if (!compress || !/text|javascript|json|wasm|svg/.test(type)) return { body, encoding: null };
  const accept = req.headers["accept-encoding"] ?? "";
  const encoding = accept.includes("br") ? "br" : accept.includes("gzip") ? "gzip" : null;
  if (!encoding) return { body, encoding: null };
  const key = `${encoding}:${createHash("sha1").update(body).digest("hex")}`;
  if (!compressed.has(key)) compressed.set(key, encoding === "br" ? brotliCompressSync(body) : gzipSync(body, { level: 9 }));
  return { body: compressed.get(key), encoding };
}

export function serve({ root, port = 0, routes = {}, headers = () => ({}), cors = false, prefix = "", prefixes = [], compress = false }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let path = decodeURIComponent(url.pathname);
    const extra = { "cache-control": "no-store", ...headers(path) };
    if (cors) extra["access-control-allow-origin"] = "*";
    const send = (body, type, more = {}) => {
      const out = encode(req, Buffer.from(body), type, compress);
      const enc = out.encoding ? { "content-encoding": out.encoding, vary: "accept-encoding" } : {};
      res.writeHead(200, { "content-type": type, ...extra, ...enc, ...more });
      res.end(out.body);
    };
    if (routes[path]) {
      const r = routes[path];
      send(r.body, r.type ?? TYPES[".html"], r.headers ?? {});
      return;
    }
    // `prefixes`: several sub-paths, each serving `root` (the first that matches).
    const under = prefix ? [prefix] : prefixes;
    if (under.length) {
      const match = under.find((p) => path.startsWith(p));
      if (!match) {
        res.writeHead(404, extra).end();
        return;
      }
      path = path.slice(match.length) || "/";
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      send(await readFile(file), TYPES[extname(file)] ?? "application/octet-stream");
    } catch {
      res.writeHead(404, { "content-type": "text/plain", ...extra }).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
