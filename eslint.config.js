// Flat config. Recommended sets only: other parts of the repo are linted too, and formatting is
// not ESLint's job here.
import { defineConfig, globalIgnores } from 'eslint/config'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

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
  }
])
