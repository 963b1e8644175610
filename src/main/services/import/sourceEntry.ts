/**
 * The worker's entry when running from source (the CLI under tsx, tests, benchmarks): worker.ts
 * itself, which ImportRunner loads through tsx. The app passes the entry electron-vite built instead.
 */
import { fileURLToPath } from 'node:url'

export const SOURCE_WORKER_ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url))
