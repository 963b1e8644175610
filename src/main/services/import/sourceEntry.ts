/**
 * The worker's entry when running from source (the CLI under tsx, tests, benchmarks): worker.ts
 * itself, which nodeSpawner runs in a Node child process through tsx. The app forks the entry
 * electron-vite built instead, as a utility process.
 */
import { fileURLToPath } from 'node:url'

export const SOURCE_WORKER_ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url))
