/**
 * The loopback host: the app's second transport, for browser mode and e2e.
 * HTTP on 127.0.0.1 only. It serves the built renderer and carries POSTed calls
 * to the one dispatcher; every call needs the per-launch secret, and requests
 * whose Host or Origin is not this exact loopback origin are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '#shared/contract/dispatcher';
import { CONTENT_SECURITY_POLICY } from '#shared/contract/content-security';
import type { CommandErrorBody, Envelope } from '#shared/contract/errors';
import { METHODS, isMethodName } from '#shared/contract/methods';
import { MAX_REQUEST_BYTES, SECRET_HEADER, SESSION_HEADER } from '#shared/contract/transport';
import { resolveStatic } from '#db/serve/static-files';

export interface HostOptions {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  secret?: string;
}

export interface Host {
  origin: string;
  port: number;
  secret: string;
  /** The address to open, secret included (in the fragment, never sent to the server). */
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refusal(code: CommandErrorBody['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

export async function startHost(options: HostOptions): Promise<Host> {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const eventClients = new Set<http.ServerResponse>();
  let origin = '';
  let hostHeader = '';

  function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(json);
  }

  function broadcast(event: string, payload: unknown): void {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const client of eventClients) client.write(frame);
  }

  /** The body as text, or null when it is over the cap (the rest is read and dropped, never kept). */
  async function readBody(req: http.IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    }
    return size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks).toString('utf8');
  }

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!sameSecret(req.headers[SECRET_HEADER] as string | undefined, secret)) {
      return sendJson(res, 403, refusal('FORBIDDEN', 'Missing or wrong launch secret.'));
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, refusal('INVALID_INPUT', 'Requests must be JSON (content-type: application/json).'));
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
      res.setHeader('connection', 'close');
      return sendJson(res, 413, refusal('INVALID_INPUT', `Request larger than ${MAX_REQUEST_BYTES} bytes.`));
    }
    const raw = await readBody(req);
    if (raw === null) return sendJson(res, 413, refusal('INVALID_INPUT', `Request larger than ${MAX_REQUEST_BYTES} bytes.`));
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, refusal('INVALID_INPUT', 'The request body is not valid JSON.'));
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return sendJson(res, 400, refusal('INVALID_INPUT', 'The request body must be an object {method, input}.'));
    }
    const { method, input } = body as { method?: unknown; input?: unknown };
    const session = req.headers[SESSION_HEADER];
    const envelope = await options.dispatch(method, input, typeof session === 'string' ? session : null);
    if (envelope.ok && isMethodName(method) && METHODS[method].writes) broadcast('data.changed', { method });
    sendJson(res, 200, envelope);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    // EventSource cannot send headers, so the secret comes as a query parameter here.
    if (!sameSecret(url.searchParams.get('secret') ?? undefined, secret)) {
      sendJson(res, 403, refusal('FORBIDDEN', 'Missing or wrong launch secret.'));
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    eventClients.add(res);
    req.on('close', () => eventClients.delete(res));
  }

  function handleStatic(res: http.ServerResponse, url: URL): void {
    const found = resolveStatic(options.staticDir, url.pathname);
    if (!found) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': found.type,
      'cache-control': found.type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(found.file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    // DNS-rebinding and cross-site defence: only our exact loopback origin may talk to us.
    // Browsers always send Origin on cross-origin requests; a request without one
    // comes from a non-browser client on this machine, which still needs the secret.
    if (req.headers.host !== hostHeader) return sendJson(res, 403, refusal('FORBIDDEN', 'Wrong Host header.'));
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      return sendJson(res, 403, refusal('FORBIDDEN', 'Cross-origin requests are refused.'));
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return sendJson(res, 405, refusal('INVALID_INPUT', 'Use POST.'));
      handleInvoke(req, res).catch(() => sendJson(res, 500, refusal('INTERNAL', 'The request failed.')));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, refusal('INVALID_INPUT', 'Method not allowed.'));
    if (url.pathname === '/api/events') return handleEvents(req, res, url);
    handleStatic(res, url);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  hostHeader = `127.0.0.1:${port}`;

  return {
    origin,
    port,
    secret,
    url: `${origin}/#secret=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of eventClients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
