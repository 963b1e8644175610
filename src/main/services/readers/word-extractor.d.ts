/**
 * Types for word-extractor 1.0.4 (it ships none): the public extractor, and the internals that
 * wordBinary.ts extends to recover table rows (see there for why). The package is pinned exactly.
 */
declare module 'word-extractor' {
  interface ExtractedDocument {
    getBody(options?: { filterUnicode?: boolean }): string
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>
  }
}

declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer)
    open(): Promise<unknown>
    close(): Promise<unknown>
  }
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type { Readable } from 'node:stream'
  import type BufferReader from 'word-extractor/lib/buffer-reader.js'

  export interface Piece {
    startCp: number
    endCp: number
    startFilePos: number
    endFilePos: number
    /** Bytes per character: 2 for UTF-16 pieces, 1 for 8-bit ones. */
    bpc: number
    text: string
  }

  export interface OleDocument {
    stream(name: string): Readable
  }

  export default class WordOleExtractor {
    protected _pieces: Piece[]
    protected _boundaries: { ccpText: number }
    extract(reader: BufferReader): Promise<unknown>
    protected extractWordDocument(document: OleDocument, buffer: Buffer): Promise<unknown>
    protected documentStream(document: OleDocument, name: string): Promise<Readable>
    protected streamBuffer(stream: Readable): Promise<Buffer>
    protected writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void
    protected buildDocument(): unknown
  }
}

declare module 'word-extractor/lib/ole-allocation-table.js' {
  export default class AllocationTable {
    _table: number[]
    getSecIdChain(startSecId: number): number[]
  }
}
