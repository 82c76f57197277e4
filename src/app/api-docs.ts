/**
 * /api/openapi.json (generated from the route schemas) and /api/docs, a
 * readable page rendered from the same document with our escaping views —
 * no third-party script, so it works offline and under a strict CSP.
 */
import type { FastifyInstance } from 'fastify';
import { html, raw, type SafeHtml } from '../lib/html.js';

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string } }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}
interface OpenApiDoc {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function renderDocsPage(doc: OpenApiDoc): string {
  const groups = new Map<string, SafeHtml[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const group = path.startsWith('/api/admin')
        ? 'Staff admin API (bearer token or sign-in session)'
        : path.startsWith('/api/auth')
          ? 'Staff sign-in'
          : 'Public content API';
      const params = (op.parameters ?? []).map(
        (p) => html`<li><code>${p.name}</code> <span class="in">${p.in}${p.required ? ', required' : ''}</span></li>`,
      );
      const statuses = Object.keys(op.responses ?? {}).join(' · ');
      const row = html`<section class="op">
  <h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
  ${op.summary ? html`<p>${op.summary}</p>` : ''}
  ${params.length ? html`<ul class="params">${params}</ul>` : ''}
  ${op.requestBody ? html`<p class="note">Takes a JSON body; see the schema in <a href="/api/openapi.json">openapi.json</a>.</p>` : ''}
  <p class="note">Answers: ${statuses}</p>
</section>`;
      groups.set(group, [...(groups.get(group) ?? []), row]);
    }
  }
  const body = [...groups.entries()].map(([name, rows]) => html`<h2>${name}</h2>${rows}`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${doc.info.title}</title>
<style>${raw(DOCS_CSS)}</style></head>
<body><main>
<h1>${doc.info.title}</h1>
<p>${doc.info.description ?? ''}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors always look like
<code>{"error":{"code":"…","message":"…","field":"…"}}</code>.</p>
${body}
</main></body></html>`.value;
}

const DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1rem}h2{margin-top:2rem;border-bottom:2px solid #222}
.op{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}
.op h3{font-size:1rem;margin:.25rem 0}.m{display:inline-block;min-width:4.5em;font-size:.8rem;padding:.1rem .4rem;border-radius:3px;color:#fff;background:#555}
.m-get{background:#1f6f43}.m-post{background:#1b4f8a}.m-patch{background:#8a5a00}.m-delete{background:#9b1c1c}
.note,.in{color:#555;font-size:.9rem}code{font-family:ui-monospace,monospace}`;

export function registerApiDocs(server: FastifyInstance): void {
  server.get('/api/openapi.json', { schema: { hide: true } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(server.swagger()),
  );
  server.get('/api/docs', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .header('cache-control', 'public, max-age=300')
      .type('text/html; charset=utf-8')
      .send(renderDocsPage(server.swagger() as unknown as OpenApiDoc)),
  );
}
