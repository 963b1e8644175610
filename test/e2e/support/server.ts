/**
 * A tiny static server for the built renderer (out/renderer) on 127.0.0.1 and a free port. Chromium
 * cannot run the build from file:// — vite emits `<script type="module" crossorigin>`, and a
 * file:// page has a null origin — so the page is served as the app's own origin instead.
 */
import { createServer, type Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8'
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/ */
  url: string
  close(): Promise<void>
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void answer(root, request.url ?? '/').then(({ status, type, body }) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
      response.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

interface Answer {
  status: number
  type: string
  body?: Buffer | string
}

async function answer(root: string, url: string): Promise<Answer> {
  const pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname)
  // The build has no icon; a 204 keeps Chromium from logging a 404 as a console error.
  if (pathname === '/favicon.ico') return { status: 204, type: 'image/x-icon' }
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1)
  const file = normalize(join(root, relative))
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound()
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) return notFound()
  return { status: 200, type: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', body: await readFile(file) }
}

function notFound(): Answer {
  return { status: 404, type: 'text/plain; charset=utf-8', body: 'not found' }
}
