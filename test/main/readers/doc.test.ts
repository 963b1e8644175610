/**
 * Word 97 binary specifics: the sector-chain guard, and the plain-text fallback when the table
 * marks cannot be read (cells then come one per line, as the recogniser also reads them).
 */
import { readFile } from 'node:fs/promises'
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js'
import { describe, expect, it, vi } from 'vitest'
import { readDoc } from '../../../src/main/services/readers/doc'
import { fixture, paragraphs, table3ValueRows, tables } from './support'

const failing = vi.hoisted(() => ({ on: false }))
vi.mock('../../../src/main/services/readers/wordBinary', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/main/services/readers/wordBinary')>()
  return {
    ...original,
    extractWordBinary: (bytes: Buffer) => (failing.on ? Promise.reject(new Error('odd file')) : original.extractWordBinary(bytes))
  }
})

describe('.doc', () => {
  it('stops a cyclic sector chain instead of looping until memory runs out', () => {
    const table = Object.create(AllocationTable.prototype) as AllocationTable
    table._table = [1, 2, 0, -2]
    expect(table.getSecIdChain(0)).toEqual([0, 1, 2])
  })

  it('falls back to plain text, one cell per line, when the table marks cannot be read', async () => {
    failing.on = true
    try {
      const result = await readDoc(await readFile(fixture('same-report/report.doc')))
      expect(tables(result.blocks)).toEqual([])
      expect(result.warnings).toEqual(['未能还原表格结构，表格按每格一行读取'])
      const texts = paragraphs(result.blocks)
      const first = table3ValueRows()[0]!
      const at = texts.indexOf(first.label)
      expect(texts.slice(at + 1, at + 8)).toEqual(first.values)
      // filterUnicode: false keeps the typographic quotes.
      expect(texts).toContain('3.危及“三安全一稳定”')
    } finally {
      failing.on = false
    }
  })
})
