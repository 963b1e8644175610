import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {},
  // Sandboxed preloads cannot require() modules: bundle everything into one file. They cannot be
  // ES modules either, and "type": "module" would make electron-vite emit ESM: force CommonJS.
  preload: { build: { externalizeDeps: false, rolldownOptions: { output: { format: 'cjs' } } } },
  renderer: {
    // Officers' PCs are slow: ship the renderer minified (electron-vite leaves it unminified).
    build: { minify: true },
    resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
    plugins: [vue()]
  }
})
