import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          alias: { electron: new URL('./test/support/electron-mock.ts', import.meta.url).pathname },
          testTimeout: 30_000
        }
      }
    ]
  }
})
