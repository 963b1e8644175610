/**
 * Bounded parsing of markup (HTML pages, WordprocessingML) with htmlparser2: the text is fed in
 * chunks and parsing stops, keeping what came before, once the open elements nest deeper than
 * MARKUP_LIMITS.maxDepth, more elements than maxElements were opened, or the caller has enough
 * text. htmlparser2 keeps its open elements in an array it shifts and searches, so an unclosed-tag
 * storm (`<span>` × 500,000) would otherwise cost time growing with the square of its size.
 */
import type { Parser } from 'htmlparser2'
import { MARKUP_LIMITS, MARKUP_WARNINGS } from '../importLimits'

/** Small enough that a storm inside one chunk stays cheap, large enough to cost nothing on real files. */
const CHUNK_CHARS = 16 * 1024

export class MarkupGuard {
  private depth = 0
  private elements = 0
  /** Why parsing stopped early, if it did. */
  stopped: keyof typeof MARKUP_WARNINGS | undefined

  /** `xml`: WordprocessingML, read as a stream (a higher element limit than an HTML tree). */
  constructor(private readonly kind: 'html' | 'xml' = 'html') {}

  open(): void {
    this.depth += 1
    this.elements += 1
    const maxElements = this.kind === 'xml' ? MARKUP_LIMITS.maxXmlElements : MARKUP_LIMITS.maxElements
    if (this.depth > MARKUP_LIMITS.maxDepth) this.stopped ??= 'depth'
    else if (this.elements > maxElements) this.stopped ??= this.kind === 'xml' ? 'xmlElements' : 'elements'
  }

  close(): void {
    this.depth = Math.max(0, this.depth - 1)
  }

  /** The warning for the limit that stopped parsing. */
  warnings(): string[] {
    return this.stopped ? [MARKUP_WARNINGS[this.stopped]] : []
  }
}

/** Feeds `text` to `parser` until it is done or `stop()` says so, then ends it (closing what is open). */
export function feedBounded(parser: Parser, text: string, stop: () => boolean): void {
  for (let at = 0; at < text.length && !stop(); at += CHUNK_CHARS) parser.write(text.slice(at, at + CHUNK_CHARS))
  parser.end()
}
