// A small static server for dist/: 127.0.0.1 only, correct MIME types (wasm
// must be application/wasm), the security headers from dist/_headers so
// that what you try locally runs under the same policy as production, and
// the caching a good static host gives: hashed files kept for good, every
// other file revalidated by its ETag.
//
// `server.sent` counts, per path, the responses that carried a body.
//
//   node scripts/serve.mjs [--dir dist] [--port 8080]
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|webmanifest|txt)$/;
/** Trunk's content-hashed file names: their content never changes. */
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/;

/** Reads the `/*` block of a Netlify-style `_headers` file. */
export function readHeaders(root) {
  const file = join(root, '_headers');
  if (!existsSync(file)) return {};
  const out = {};
  let inAll = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith(' ') && line.trim()) inAll = line.trim() === '/*';
    else if (inAll && line.includes(':')) {
      const i = line.indexOf(':');
      out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return out;
}

/**
 * Serves `root`. `prefix` (e.g. "/academy/crossroads/") mounts the app under
 * a sub-path, as a training program's host would.
 */
export function startServer({ root = 'dist', port = 0, host = '127.0.0.1', prefix = '/', headers } = {}) {
  const base = resolve(root);
  const extra = headers ?? readHeaders(base);
  const sent = new Map();
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (prefix !== '/' && path === prefix.slice(0, -1)) {
        res.writeHead(301, { Location: prefix });
        return res.end();
      }
      if (!path.startsWith(prefix)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('not found');
      }
      path = path.slice(prefix.length - 1);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (!file.startsWith(base + sep) && file !== base) {
        res.writeHead(403);
        return res.end();
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain', ...extra });
        return res.end('not found');
      }
      let body = await readFile(file);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      const head = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ETag: etag,
        Vary: 'Accept-Encoding',
        ...extra,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, head);
        return res.end();
      }
      sent.set(path, (sent.get(path) ?? 0) + 1);
      // Compress as any real static host does.
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && COMPRESSIBLE.test(file)) {
        body = gzipSync(body, { level: 9 });
        head['Content-Encoding'] = 'gzip';
      }
      res.writeHead(200, head);
      res.end(body);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    }
  });
  server.sent = sent;
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const port = Number(opt('port', process.env.PORT ?? 8080));
  const server = await startServer({ root: opt('dir', 'dist'), port });
  const { port: actual } = server.address();
  console.log(`Crossroads is being served at http://127.0.0.1:${actual}/  (Ctrl+C to stop)`);
}
