/**
 * The layers are enforced by the linter (eslint.config.js, LAYER_RULES): code placed in each floor
 * that imports what the floor may not is an error of `npm run lint`; what it may import is not.
 * Linted as text under a path in the floor, so nothing is written into src.
 */
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) })

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer boundaries', () => {
  it.each([
    ["import { readFile } from 'node:fs/promises'", 'Node 内置模块'],
    ["import { join } from 'path'", 'Node 内置模块'],
    ["import { createHash } from 'crypto'", 'Node 内置模块'],
    ["import type { Readable } from 'node:stream'", 'Node 内置模块'],
    ["import { app } from 'electron'", 'electron'],
    ["import { ref } from 'vue'", '界面库'],
    ["import { NButton } from 'naive-ui'", '界面库'],
    ["import { defineStore } from 'pinia'", '界面库'],
    ["import { readBoundedFile } from '../../main/services/files'", '上层'],
    ["import { useReportStore } from '../../renderer/src/stores/report'", '上层'],
    ["import { useReportStore } from '@renderer/stores/report'", '上层'],
    ["import type { Api } from '../../shared/ipc/api'", '@shared/…']
  ])('src/core: %s is refused', async (code, why) => {
    const messages = await restricted('src/core/report/example.ts', `${code}\nexport const x = 1\n`)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(why)
  })

  it('src/main/services: electron is refused, Node is not', async () => {
    expect(await restricted('src/main/services/example.ts', "import { app } from 'electron'\nimport { readFile } from 'node:fs/promises'\nexport { app, readFile }\n")).toEqual([
      expect.stringContaining('src/main/services 只依赖 Node')
    ])
  })

  it('src/renderer: electron and Node are refused, in .ts and in .vue', async () => {
    expect(await restricted('src/renderer/src/example.ts', "import { ipcRenderer } from 'electron'\nexport { ipcRenderer }\n")).toEqual([
      expect.stringContaining('window.api')
    ])
    const vue = "<script setup lang=\"ts\">\nimport { readFileSync } from 'fs'\nreadFileSync('x')\n</script>\n<template><div /></template>\n"
    expect(await restricted('src/renderer/src/components/Example.vue', vue)).toEqual([expect.stringContaining('Node 内置模块')])
  })

  it.each([
    ['src/renderer/src/stores/example.ts', "import { cellId } from '../../../core/report/cells'", '@core/…'],
    ['src/main/services/example.ts', "import { cellId } from '../../core/report/cells'", '@core/…'],
    ['src/main/example.ts', "import type { Api } from '../shared/ipc/api'", '@shared/…'],
    ['src/shared/ipc/example.ts', "import { cellId } from '../../core/report/cells'", '@core/…'],
    ['test/core/import/example.test.ts', "import { cellId } from '../../../src/core/report/cells'", '@core/…'],
    ['bench/example.ts', "export { cellId } from '../src/core/report/cells'", '@core/…'],
    ['scripts/example.ts', "import type { Api } from '../src/shared/ipc/api'", '@shared/…']
  ])('%s: a relative path into another floor is refused (%s)', async (filePath, code, why) => {
    const messages = await restricted(filePath, `${code}\nexport const x = 1\n`)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(why)
  })

  it('leaves allowed imports alone: core’s own modules (one named like a Node module too), zod, the main glue’s electron, aliases', async () => {
    const core = "import { z } from 'zod'\nimport { cellId } from './cells'\nimport { x } from './events'\nimport { y } from '../text/chinese'\nimport type { Api } from '@shared/ipc/api'\nexport { z, cellId, x, y }\nexport type { Api }\n"
    expect(await restricted('src/core/report/example.ts', core)).toEqual([])
    expect(await restricted('src/shared/ipc/example.ts', "import { schema } from './schemas'\nimport { cellId } from '@core/report/cells'\nexport { schema, cellId }\n")).toEqual([])
    expect(await restricted('src/main/window.ts', "import { BrowserWindow } from 'electron'\nexport { BrowserWindow }\n")).toEqual([])
    const renderer = "import { ref } from 'vue'\nimport { cellId } from '@core/report/cells'\nimport { useNav } from '@renderer/stores/nav'\nimport { x } from '../stores/report'\nexport { ref, cellId, useNav, x }\n"
    expect(await restricted('src/renderer/src/views/example.ts', renderer)).toEqual([])
    expect(await restricted('test/main/example.test.ts', "import { helper } from '../core/helpers'\nimport { cellId } from '@core/report/cells'\nexport { helper, cellId }\n")).toEqual([])
  })
})
