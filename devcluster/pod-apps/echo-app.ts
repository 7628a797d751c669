// The project's own small web app that the pod runner starts for pods of local templates
// (`argovue.dev/run-locally: echo-app`). It serves what the proxy tests and benchmarks need:
//   GET  /            a page naming the pod, with a WebSocket echo to try
//   GET  /healthz     200 "ok"
//   GET  /echo        the request as JSON (method, URL, headers): what reached the service
//   GET  /bytes?n=N   N bytes (at most 4 GiB), streamed with back-pressure
//   POST /upload      reads the body and answers its size in bytes
//   GET  /ws          a WebSocket that echoes every frame
// Listens on HOST:PORT (the pod's IP and its container port). Prints a line at start and one per
// request (method, path, status), as a web server's access log: the pod runner makes that the pod's
// container log, which the tests read through ArgoVue.
import { createServer, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { acceptEcho } from './websocket-echo.ts';

const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? '8080');
const podName = process.env['POD_NAME'] ?? 'echo-app';
const podNamespace = process.env['POD_NAMESPACE'] ?? '';
const maxDownload = 4 * 1024 ** 3;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(): string {
  const title = escapeHtml(`${podNamespace}/${podName}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>echo-app ${title}</title></head>
<body><h1>echo-app</h1><p>Served by pod <code id="pod">${title}</code>.</p>
<form id="f"><input id="msg" value="hello" aria-label="message"><button>Send over WebSocket</button></form>
<pre id="log" aria-live="polite"></pre>
<script>
const log = (line) => { document.getElementById('log').textContent += line + '\\n'; };
const ws = new WebSocket(new URL('ws', location.href).href.replace(/^http/, 'ws'));
ws.onopen = () => log('connected');
ws.onmessage = (event) => log('echo: ' + event.data);
ws.onclose = () => log('closed');
document.getElementById('f').onsubmit = (event) => { event.preventDefault(); ws.send(document.getElementById('msg').value); };
</script></body></html>`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** N bytes of 'x' in 64 KiB chunks; the stream's back-pressure paces it. */
function bytes(n: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = n;
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const size = Math.min(left, chunk.length);
      left -= size;
      this.push(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
}

const server = createServer((req, res) => {
  res.once('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode}`));
  const url = new URL(req.url ?? '/', 'http://echo-app');
  const base = url.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  if (req.method === 'GET' && (base === '' || url.pathname.endsWith('/'))) {
    send(res, 200, 'text/html; charset=utf-8', page());
  } else if (req.method === 'GET' && base === 'healthz') {
    send(res, 200, 'text/plain', 'ok');
  } else if (base === 'echo') {
    const body = JSON.stringify({ method: req.method, url: req.url, headers: req.headers, pod: podName });
    send(res, 200, 'application/json', body);
  } else if (req.method === 'GET' && base === 'bytes') {
    const n = Number(url.searchParams.get('n') ?? '0');
    if (!Number.isSafeInteger(n) || n < 0 || n > maxDownload) {
      send(res, 400, 'text/plain', 'n is a byte count up to 4 GiB');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': n });
    pipeline(bytes(n), res).catch(() => res.destroy());
  } else if (req.method === 'POST' && base === 'upload') {
    let size = 0;
    req.on('data', (chunk: Buffer) => (size += chunk.length));
    req.on('end', () => send(res, 200, 'application/json', JSON.stringify({ bytes: size })));
    req.on('error', () => res.destroy());
  } else {
    send(res, 404, 'text/plain', 'not found');
  }
});
server.on('upgrade', (req, socket, head) => {
  if (new URL(req.url ?? '/', 'http://echo-app').pathname.endsWith('/ws')) acceptEcho(req, socket, head);
  else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
});
server.listen(port, host, () =>
  console.log(`echo-app ${podNamespace}/${podName} listening on ${host}:${port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
