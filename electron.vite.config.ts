import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { tsconfigAliases } from './scripts/aliases'

/** `@core/…`, `@shared/…`, `@renderer/…`: written once, in tsconfig.base.json. */
const alias = tsconfigAliases()

export default defineConfig({
  main: { resolve: { alias } },
  // Sandboxed preloads cannot require() modules: bundle everything into one file. They cannot be
  // ES modules either, and "type": "module" would make electron-vite emit ESM: force CommonJS.
  preload: {
    resolve: { alias },
    build: { externalizeDeps: false, rolldownOptions: { output: { format: 'cjs' } } }
  },
  renderer: {
    // Officers' PCs are slow: ship the renderer minified (electron-vite leaves it unminified).
    build: { minify: true },
    resolve: { alias },
    plugins: [vue()]
  }
})
