import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { tsconfigAliases } from './scripts/aliases'

const electronMock = new URL('./test/support/electron-mock.ts', import.meta.url).pathname
/** `@core/…`, `@shared/…`, `@renderer/…`: written once, in tsconfig.base.json. */
const aliases = tsconfigAliases()

/**
 * electron-vite's `import path from './worker?modulePath'` (the built path of a bundled entry), as
 * tests see it: the source file's own path, which the worker spawners run through tsx.
 */
const MODULE_PATH = '\0module-path:'
const modulePath: Plugin = {
  name: 'test-module-path',
  enforce: 'pre',
  async resolveId(id, importer) {
    if (!id.endsWith('?modulePath')) return null
    const resolved = await this.resolve(id.slice(0, -'?modulePath'.length), importer, { skipSelf: true })
    return resolved ? MODULE_PATH + resolved.id : null
  },
  load(id) {
    return id.startsWith(MODULE_PATH) ? `export default ${JSON.stringify(id.slice(MODULE_PATH.length))}` : null
  }
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [modulePath],
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/renderer/**'],
          alias: { ...aliases, electron: electronMock },
          testTimeout: 30_000
        }
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          alias: aliases,
          include: ['test/renderer/**/*.test.ts'],
          testTimeout: 30_000
        }
      },
      {
        // Real Chromium against the built renderer (`npm run build` first), window.api bridged to
        // the real main-process handlers in this process.
        plugins: [modulePath],
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          alias: { ...aliases, electron: electronMock },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
})
