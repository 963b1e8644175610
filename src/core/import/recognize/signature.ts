/**
 * The 落款 at the end of a report: the unit's name and the date of publication, on their own
 * lines. It is layout, not narrative — left in, it would be carried into next year's 六、 — and its
 * date is the publication date, which the Report keeps apart.
 */
import type { Block } from '../types'
import { isSignerLine, parseDate } from '../../text/chinese'
import { paragraphText } from './blockText'

export interface Signature {
  /** Blocks holding the signature, so the section splitter leaves them out. */
  blocks: number[]
  /** YYYY-MM-DD. */
  publishedOn?: string
}

/** How far from the end the signature may sit (empty lines, a trailing 附件 link…). */
const TAIL = 4

export function findSignature(blocks: readonly Block[]): Signature {
  const tail: number[] = []
  for (let i = blocks.length - 1; i >= 0 && tail.length < TAIL; i--) {
    const text = paragraphText(blocks[i])
    if (text === undefined) break
    if (text !== '') tail.push(i)
  }
  const dateIndex = tail.find((i) => parseDate(paragraphText(blocks[i]) ?? '') !== undefined)
  if (dateIndex === undefined) return { blocks: [] }
  const publishedOn = parseDate(paragraphText(blocks[dateIndex]) ?? '')
  const before = tail.find((i) => i < dateIndex)
  const signer = before === undefined ? undefined : paragraphText(blocks[before])
  const isSigner = signer !== undefined && isSignerLine(signer)
  return { blocks: isSigner && before !== undefined ? [before, dateIndex] : [dateIndex], publishedOn }
}
