/** The parts of an OpenAPI 3 document the docs page shows. */
interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: object;
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: { type?: string; enum?: unknown[]; format?: string } }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A readable, self-contained page of the API rendered on the server from the OpenAPI document: no scripts,
 * no external assets, so it works offline and under a strict CSP.
 */
export function renderDocsPage(doc: OpenApiDocument): string {
  const sections: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}) as Array<[string, Partial<Record<string, Operation>>]>) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) sections.push(renderOperation(method, path, op));
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{margin-bottom:.2rem}code,pre{font:13px ui-monospace,monospace}section{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:3.5rem;font-weight:700;text-transform:uppercase}.get{color:#0a6}.post{color:#06c}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.2rem .5rem;border-top:1px solid #eee;vertical-align:top}
pre{background:#f6f6f6;padding:.5rem;overflow:auto}
</style></head><body>
<h1>${escape(doc.info.title)}</h1>
<p>Version ${escape(doc.info.version)} · machine-readable: <a href="openapi.json">openapi.json</a></p>
${doc.info.description ? `<p>${escape(doc.info.description)}</p>` : ''}
${sections.join('\n')}
</body></html>
`;
}

function renderOperation(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map((p) => {
      const type = p.schema?.enum ? p.schema.enum.map(String).join(' | ') : (p.schema?.format ?? p.schema?.type ?? '');
      return `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}${p.required ? ', required' : ''}</td><td>${escape(type)}</td><td>${escape(p.description ?? '')}</td></tr>`;
    })
    .join('');
  const body = op.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<tr><td>${escape(status)}</td><td>${escape(r.description ?? '')}</td></tr>`)
    .join('');
  return `<section><h2><span class="m ${method}">${method}</span> <code>${escape(path)}</code></h2>
${op.summary ? `<p><strong>${escape(op.summary)}</strong></p>` : ''}${op.description ? `<p>${escape(op.description)}</p>` : ''}
${params ? `<table><tr><th>Parameter</th><th>In</th><th>Type</th><th>Meaning</th></tr>${params}</table>` : ''}
${body ? `<p>Request body (JSON):</p><pre>${escape(JSON.stringify(body, null, 2))}</pre>` : ''}
<table><tr><th>Status</th><th>Meaning</th></tr>${responses}</table></section>`;
}
