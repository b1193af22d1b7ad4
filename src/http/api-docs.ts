import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { consoleSecurityHeaders } from './security-headers.js'

/** Where the reference page lives; its script and styles are files under it. */
export const API_DOCS_PATH = '/docs'

/**
 * Swagger UI from the swagger-ui-dist package (a runtime dependency: the installed package
 * serves it, no CDN). Its bundle and styles are plain files; the page starts it from a file of
 * ours, so no script is inline. It sets styles through the DOM (allowed by style-src) and its
 * styles draw icons as data: images.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Keyward API reference</title>
<link rel="stylesheet" href="/api${API_DOCS_PATH}/swagger-ui.css">
<link rel="stylesheet" href="/api${API_DOCS_PATH}/keyward.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/api${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="/api${API_DOCS_PATH}/start.js"></script>
</body>
</html>
`

/**
 * No validator badge: it would send the document to a third-party service. No deep links: they
 * put a link inside each operation's toggle button (nested controls). No syntax colours: they
 * are inline styles below WCAG AA contrast. Swagger UI leaves its selects without a name and its
 * scrollable examples out of the keyboard's reach: the observer mends both as operations open.
 */
const START = `SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', validatorUrl: null, syntaxHighlight: false })
new MutationObserver(() => {
  for (const select of document.querySelectorAll('select:not([aria-label])')) {
    const name = select.id === 'servers' ? 'Servers' : select.closest('[data-param-name]')?.dataset.paramName
    if (name) select.setAttribute('aria-label', name)
  }
  for (const pre of document.querySelectorAll('.opblock-body pre:not([tabindex])')) pre.tabIndex = 0
}).observe(document.body, { childList: true, subtree: true })
`

/** Swagger UI's colours that fall short of WCAG AA contrast (white on light green or blue, light links). */
const STYLES = `.swagger-ui .info .title small, .swagger-ui .info .title small.version-stamp { background: #3b4151; }
.swagger-ui .info a { color: #1f5fa8; }
.swagger-ui .btn.authorize, .swagger-ui .btn.authorize svg { color: #17683f; border-color: #17683f; }
.swagger-ui .opblock .opblock-summary-method { color: #000; text-shadow: none; }
.swagger-ui .parameter__in { color: #595959; }
.swagger-ui .btn.cancel { color: #c00; border-color: #c00; }
.swagger-ui .btn.execute { background-color: #1f5fa8; border-color: #1f5fa8; }
.swagger-ui .download-contents { background: #545d61; }
`

const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

const ASSETS: Record<string, { type: string; body: () => string | Buffer }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', body: () => readFileSync(join(SWAGGER_UI_DIR, 'swagger-ui.css')) },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', body: () => readFileSync(join(SWAGGER_UI_DIR, 'swagger-ui-bundle.js')) },
  'keyward.css': { type: 'text/css; charset=utf-8', body: () => STYLES },
  'start.js': { type: 'text/javascript; charset=utf-8', body: () => START },
}

/** The interactive API reference of `/api/openapi.json`, for the API's plugin (public, unversioned). */
export function registerApiDocs(api: FastifyInstance): void {
  const onRequest = consoleSecurityHeaders(CONTENT_SECURITY_POLICY)
  const config = { public: true, unversioned: true }
  const schema = { hide: true }
  api.get(API_DOCS_PATH, { config, schema, onRequest }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(PAGE),
  )
  for (const [name, asset] of Object.entries(ASSETS)) {
    // Read once, on first use: most apps (every test's) never serve the page.
    let body: string | Buffer | undefined
    api.get(`${API_DOCS_PATH}/${name}`, { config, schema, onRequest }, async (_request, reply) => {
      body ??= asset.body()
      return reply.header('cache-control', 'public, max-age=3600').type(asset.type).send(body)
    })
  }
}
