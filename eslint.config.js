// Flat config. Recommended sets only: other parts of the repo are linted too, and formatting is
// not ESLint's job here. Plus the layers (README, 架构): each floor imports only what it may.
import { builtinModules } from 'node:module'
import { defineConfig, globalIgnores } from 'eslint/config'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const NODE_MESSAGE = '这一层不能使用 Node 内置模块（见 README 架构）'
const ELECTRON_MESSAGE = '只有 src/main 的胶水代码和 src/preload 可以引用 electron'
const UI_MESSAGE = 'src/core 是纯领域代码，不能引用界面库'

/**
 * What a floor may not import, by exact name (`paths`: `fs` but not a module of ours named
 * `./fs`) and by pattern (`patterns`, gitignore style: `node:*`, subpaths, relative paths upward).
 */
const node = {
  paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: NODE_MESSAGE })),
  patterns: [{ group: ['node:*'], message: NODE_MESSAGE }]
}
const electron = (message = ELECTRON_MESSAGE) => ({
  paths: [{ name: 'electron', message }],
  patterns: [{ group: ['electron/*'], message }]
})
const ui = {
  paths: ['vue', 'naive-ui', 'pinia'].map((name) => ({ name, message: UI_MESSAGE })),
  patterns: [{ group: ['vue/*', 'naive-ui/*', 'pinia/*'], message: UI_MESSAGE }]
}
/** Imports go down only: core is used by every floor and uses none of them (by path or by alias). */
const upwardFromCore = {
  paths: [],
  patterns: [
    { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', '@renderer', '@renderer/*'], message: 'src/core 不能引用上层（main、renderer、preload、cli）' }
  ]
}
/**
 * src/core and src/shared are reached from other floors by alias (`@core/…`, `@shared/…`, in
 * tsconfig.base.json), not by `../../core` chains. Inside src a relative path that climbs to a
 * `core` or `shared` folder can only mean those; outside src (test, bench, …) it goes through `src/`.
 */
const climbingInto = (floor, insideSrc = true) => ({
  paths: [],
  patterns: [{ regex: insideSrc ? `^(\\.\\./)+(.+/)?${floor}(/|$)` : `^(\\.\\.?/)+(.+/)?src/${floor}(/|$)`, message: `请用 @${floor}/… 引用 src/${floor}，不要用相对路径` }]
})

const restrict = (...parts) => ({ paths: parts.flatMap((p) => p.paths), patterns: parts.flatMap((p) => p.patterns) })

/** The layers as lint rules: a file of each floor that imports what it may not fails `npm run lint`. */
const FLOORS = [
  { files: ['src/core/**'], ...restrict(node, electron(), ui, upwardFromCore, climbingInto('shared')) },
  { files: ['src/shared/**'], ...restrict(climbingInto('core')) },
  {
    files: ['src/main/services/**'],
    ...restrict(electron('src/main/services 只依赖 Node，不能引用 electron（electron 只在 src/main 的胶水代码中）'), climbingInto('core'), climbingInto('shared'))
  },
  { files: ['src/renderer/**'], ...restrict(node, electron('界面运行在沙箱中，只能通过 window.api 调用主进程，不能引用 electron'), climbingInto('core'), climbingInto('shared')) },
  { files: ['src/**'], ignores: ['src/core/**', 'src/shared/**', 'src/main/services/**', 'src/renderer/**'], ...restrict(climbingInto('core'), climbingInto('shared')) }
]
// One no-restricted-imports setting per file (a later setting replaces an earlier one): the rest of
// the repository (test, bench, fuzz, scripts, configs) gets its own.
export const LAYER_RULES = [
  ...FLOORS,
  { ignores: ['src/**'], ...restrict(climbingInto('core', false), climbingInto('shared', false)) }
]

export default defineConfig([
  globalIgnores(['out/', 'dist/', 'node_modules/', 'coverage/', '.tmp/', 'test-output/', 'screenshots/']),
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],
  {
    // <script lang="ts"> in single-file components goes through the TypeScript parser.
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `_name` marks a value kept on purpose: a dropped key, an unused callback argument.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true
        }
      ]
    }
  },
  ...LAYER_RULES.map(({ files, ignores, paths, patterns }) => ({
    ...(files && { files }),
    ...(ignores && { ignores }),
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] }
  }))
])
