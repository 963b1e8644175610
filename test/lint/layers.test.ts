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
    ["import { useReportStore } from '../../renderer/src/stores/report'", '上层']
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

  it('leaves allowed imports alone: core’s own modules (one named like a Node module too), zod, the main glue’s electron', async () => {
    const core = "import { z } from 'zod'\nimport { cellId } from './cells'\nimport { x } from './events'\nexport { z, cellId, x }\n"
    expect(await restricted('src/core/report/example.ts', core)).toEqual([])
    expect(await restricted('src/main/window.ts', "import { BrowserWindow } from 'electron'\nexport { BrowserWindow }\n")).toEqual([])
    expect(await restricted('src/renderer/src/example.ts', "import { ref } from 'vue'\nimport { cellId } from '../../core/report/cells'\nexport { ref, cellId }\n")).toEqual([])
  })
})
