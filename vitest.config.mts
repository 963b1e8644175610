import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const electronMock = new URL('./test/support/electron-mock.ts', import.meta.url).pathname

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/renderer/**'],
          alias: { electron: electronMock },
          testTimeout: 30_000
        }
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
          testTimeout: 30_000
        }
      },
      {
        // Real Chromium against the built renderer (`npm run build` first), window.api bridged to
        // the real main-process handlers in this process.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          alias: { electron: electronMock },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
})
