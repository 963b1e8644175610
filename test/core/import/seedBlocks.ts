/**
 * The five pre-2019 seeds as blocks: one paragraph per line, raw (tabs kept), as a plain-text
 * reader gives them. Deliberately not the real txt reader, so these tests exercise recognition only.
 */
import { readFileSync } from 'node:fs'
import type { Block } from '@core/import/types'

export const SEEDS = {
  xiamei: 'xiamei-2016.txt',
  baizhang: 'baizhang-2017.txt',
  wangjiashan: 'wangjiashan-2018.txt',
  zhangcun: 'zhangcun-2011.txt',
  songzhuang: 'songzhuang-2016-traditional-webcopy.txt'
} as const

export type Seed = keyof typeof SEEDS

export function linesToBlocks(text: string): Block[] {
  return text.split(/\r?\n/).map((line): Block => ({ kind: 'paragraph', text: line }))
}

export function seedBlocks(seed: Seed): Block[] {
  const url = new URL(`../../fixtures/legacy/${SEEDS[seed]}`, import.meta.url)
  return linesToBlocks(readFileSync(url, 'utf8'))
}
