/**
 * Every budget of the import path in one place: the worker's time and memory, the readers' limits
 * on what they parse, and (re-exported) recognition's caps on what it reads. Each limit comes with
 * the Chinese sentence the officer reads when a file hits it: a warning when the file is read up
 * to the limit, the error message when it is refused.
 *
 * The readers' limits are the first line of defence: with them, readDocument and recognizeReport
 * finish within the time budget by themselves on any file under the size limit. The worker's timer
 * and heap ceiling are the second line, for whatever they miss.
 */
import { formatBytes } from './files'

export { TEXT_LIMITS, TEXT_LIMIT_WARNINGS } from '@core/import/limits'

const MB = 1024 * 1024

/** The import worker: wall-clock budget per file and the memory it may use. */
export const WORKER_LIMITS = {
  /** From the file handed to the worker to the preview back (reading, recognising, checking). */
  timeBudgetMs: 10_000,
  /**
   * V8 heap of the worker process (old generation); a real report takes well under 200 MB. Past
   * it V8 aborts the worker process — only that process — and the import is reported as too big.
   */
  maxHeapMb: 768,
  /** Each of the young generation's semi-spaces (V8's --max-semi-space-size), on top of the old generation. */
  maxSemiSpaceMb: 16,
  /**
   * Growth of the worker process's resident memory while a job runs: buffers outside the V8 heap
   * (decoded PDF streams, inflated zip parts, OCR's models and activations) count here, and a job
   * past it is stopped. OCR of a scan grows the worker by about 600 MB at its peak (a page's
   * detection is most of it; `npm run bench` prints the worker's peak), well inside this.
   */
  maxRssGrowthMb: 1024,
  /**
   * A worker process that kept this much more memory after a job than when it started is not kept
   * for the next import: a fresh one is started instead (with several imports at once, idle
   * processes should not hold what a large file took).
   */
  maxIdleGrowthMb: 384,
  /**
   * A scanned page read by OCR (detection and recognition take 3–6 s a page on two cores): each
   * page gets this long, so a 40-page scan is bounded without cutting a slow page short.
   */
  ocrPageBudgetMs: 30_000,
  /** Starting a worker process (loading pdfjs and the readers): far above what it takes, only a hung start. */
  startTimeoutMs: 60_000
} as const

/** The officer's sentences for a worker stopped by a budget; `name` is the file's bare name. */
export const WORKER_MESSAGES = {
  timeout: (name: string, budgetMs: number = WORKER_LIMITS.timeBudgetMs) =>
    `文件过于复杂，${Math.round(budgetMs / 100) / 10} 秒内未能读完：${name}。请在 Word/WPS 中另存为 .docx，或复制正文粘贴后再导入`,
  memory: (name: string, limitMb: number = WORKER_LIMITS.maxRssGrowthMb) =>
    `文件过于复杂，读取所需内存超过上限（${limitMb} MB）：${name}。请在 Word/WPS 中另存为 .docx，或复制正文粘贴后再导入`,
  crashed: (name: string) => `读取文件时导入组件意外退出：${name}。请重试；如仍失败，请另存为 .docx 或复制正文粘贴后再导入`,
  start: '导入组件未能启动，请重启程序后再试',
  cancelled: (name: string) => `已取消导入：${name}`
} as const

/** File sizes: checked before any byte is parsed. */
export const FILE_LIMITS = {
  /** A report with images is a few MB; 50 MB leaves room for scanned appendices. */
  maxDocumentBytes: 50 * MB,
  /** Pasted text: a report is about 20,000 characters. */
  maxPasteChars: 2_000_000,
  /**
   * Bytes of a .txt decoded: past this, only the first part is read (the text cap would cut it
   * anyway; decoding tens of MB to find that out costs seconds).
   */
  maxTextBytes: 8 * MB
} as const

/** Markup (HTML pages, WordprocessingML): what the parsers build. */
export const MARKUP_LIMITS = {
  /**
   * Open elements at once. Real pages nest a few dozen deep; the parser's stack costs grow with
   * the square of the depth, so an unclosed-tag storm is stopped here.
   */
  maxDepth: 500,
  /**
   * Elements of an HTML page parsed into a tree. A saved report page has about 2,000 (Word's HTML
   * of the sample report: 1,700); a tree of 100,000 already takes seconds to build and walk.
   */
  maxElements: 100_000,
  /** Elements of WordprocessingML, read as a stream without a tree: the sample report has 5,500. */
  maxXmlElements: 1_000_000,
  /** The .docx main part (word/document.xml): a report's is well under 5 MB. */
  maxDocxXmlBytes: 32 * MB,
  /** .mhtml: header bytes of all parts, and nesting of multiparts (postal-mime's own limits). */
  maxMimeHeaderBytes: 256 * 1024,
  maxMimeDepth: 8
} as const

export const MARKUP_WARNINGS = {
  depth: `文件的标签嵌套超过 ${MARKUP_LIMITS.maxDepth} 层（可能已损坏），其后的内容未读取`,
  elements: `网页的标签超过 ${MARKUP_LIMITS.maxElements / 10_000} 万个，远超年度报告的篇幅，其后的内容未读取`,
  xmlElements: `Word 文档的标签超过 ${MARKUP_LIMITS.maxXmlElements / 10_000} 万个，远超年度报告的篇幅，其后的内容未读取`,
  docxXml: `Word 文档正文超过 ${formatBytes(MARKUP_LIMITS.maxDocxXmlBytes)}，远超年度报告的篇幅，只读取了前面的部分`,
  textBytes: `文本文件超过 ${formatBytes(FILE_LIMITS.maxTextBytes)}，只读取了前 ${formatBytes(FILE_LIMITS.maxTextBytes)}`
} as const

/** PDF: what pdfjs is allowed to parse and decode. */
export const PDF_LIMITS = {
  /** A yearly report has under 30 pages; past 200 the rest is not read. */
  maxPages: 200,
  /** Reading pages stops after this long; the pages read so far are kept (with a warning). */
  readBudgetMs: 6_000,
  /** Text items kept per page: a dense table page has about 1,500. */
  maxItemsPerPage: 20_000,
  /**
   * Decoded size of one stream pdfjs parses for text (page contents, forms, object streams): a
   * dense table page is about 200 KB. pdfjs cannot be interrupted inside a page, and parses about
   * 1–4 MB of operators a second on a busy office PC.
   */
  maxStreamBytes: 4 * MB,
  /** Decoded size of all page contents and forms together (a 30-page report has 1–3 MB). */
  maxContentBytes: 16 * MB,
  /** Graphics-state saves (`q`) in all contents: pdfjs copies the state for each; a page has tens. */
  maxStateSaves: 100_000,
  /**
   * Saves not yet restored (`q` without `Q`), at the deepest: PDF viewers allow 28 levels; pdfjs's
   * time grows with the square of the depth (5,000 levels: four seconds).
   */
  maxStateDepth: 1_000,
  /** Decoded size of an embedded font program: a full CJK font (TrueType, OpenType) is about 20 MB. */
  maxFontStreamBytes: 64 * MB,
  /**
   * A Type 1 font program (FontFile, with /Length2): pdfjs reads it character by character, about a
   * megabyte a second; the standard Type 1 fonts are 30–80 KB, and CJK fonts are never Type 1.
   */
  maxType1FontBytes: 1 * MB,
  /** A Type 1 encoding's highest code (a real one stops at 255) and highest subroutine number (real fonts have a few thousand). */
  maxType1EncodingCode: 65_535,
  maxType1Subrs: 65_535,
  /** Decoded size of all streams pdfjs may decode for text, together. */
  maxTotalStreamBytes: 256 * MB,
  /** Nesting of arrays and dictionaries: real files nest under 10; pdfjs's parser recurses. */
  maxNesting: 100,
  /**
   * Objects left with a dictionary or array open, and redefinitions of an object number: a
   * truncated file has one of the first, incremental saves a few hundred of the second. pdfjs
   * re-parses each redefinition when it rebuilds a damaged cross-reference table.
   */
  maxUnterminatedObjects: 20,
  maxDuplicateObjects: 2_000
} as const

export const PDF_MESSAGES = {
  bomb: (max: number) => `PDF 文件中有数据流解压后超过 ${formatBytes(max)}，可能已损坏或是恶意文件`,
  bombTotal: `PDF 文件中的数据流解压后合计超过 ${formatBytes(PDF_LIMITS.maxTotalStreamBytes)}，可能已损坏或是恶意文件`,
  contentTotal: `PDF 页面内容解压后合计超过 ${formatBytes(PDF_LIMITS.maxContentBytes)}，远超年度报告，可能已损坏或是恶意文件`,
  stateSaves: `PDF 页面内容的绘图指令过多（超过 ${PDF_LIMITS.maxStateSaves / 10_000} 万次状态保存），可能已损坏或是恶意文件`,
  stateDepth: `PDF 页面内容的绘图状态嵌套超过 ${PDF_LIMITS.maxStateDepth} 层，可能已损坏或是恶意文件`,
  nesting: `PDF 文件的结构嵌套超过 ${PDF_LIMITS.maxNesting} 层，可能已损坏或是恶意文件`,
  type1Font: 'PDF 文件中嵌入的字体已损坏（字体编码表超出范围），无法读取',
  structure: 'PDF 文件的结构严重损坏（大量未结束或重复定义的对象），无法读取',
  pages: (total: number) => `PDF 共 ${total} 页，只读取了前 ${PDF_LIMITS.maxPages} 页`,
  slow: (read: number, total: number) => `PDF 共 ${total} 页，${PDF_LIMITS.readBudgetMs / 1000} 秒内只读取了前 ${read} 页，其余页未读取`,
  items: (pages: readonly number[]) =>
    `第 ${pages.join('、')} 页的文字片段超过 ${PDF_LIMITS.maxItemsPerPage / 10_000} 万个（远超正常页面），只读取了前 ${PDF_LIMITS.maxItemsPerPage / 10_000} 万个`
} as const

/**
 * .doc/.wps: the OLE2 container is parsed whole by cfb, which trusts it; these bound what it walks
 * (readers/ole.ts checks a file against them first). Real documents are far below each.
 */
export const OLE_LIMITS = {
  /**
   * Sectors visited while following every chain, per sector of the file (plus a constant): a
   * document whose chains run forwards costs one or two visits a sector; one laid out backwards
   * costs the square of its length.
   */
  chainVisitsPerSector: 4,
  chainVisitsExtra: 4096,
  /**
   * Directory entries (streams and storages): a report has about ten, a few hundred with embedded
   * objects. cfb builds every entry's path; 4096 entries nested as deep as they can go take it 60 ms.
   */
  maxDirectoryEntries: 4096,
  /** Characters of the main text read from the piece table (control and field-code characters included). */
  maxTextChars: 1_600_000
} as const

const SAVE_AS_DOCX = '请在 Word/WPS 中另存为 .docx 后再导入'

export const OLE_MESSAGES = {
  corrupt: `无法读取该 Word 97-2003 文档（.doc/.wps），文件可能已损坏或不是 Word 文档；${SAVE_AS_DOCX}`,
  chains: `Word 97-2003 文档（.doc/.wps）的内部分配表异常（扇区链过长或循环），可能已损坏或是恶意文件；${SAVE_AS_DOCX}`,
  directory: `Word 97-2003 文档（.doc/.wps）的内部目录过大，可能已损坏或是恶意文件；${SAVE_AS_DOCX}`,
  encrypted: `该 Word 97-2003 文档（.doc/.wps）设置了打开密码，无法读取；请在 Word/WPS 中取消密码或另存为 .docx 后再导入`,
  oldVersion: `这是 Word 95 或更早版本的文档，无法读取；${SAVE_AS_DOCX}`,
  text: `Word 文档的正文远超年度报告的篇幅，只读取了前 ${OLE_LIMITS.maxTextChars / 10_000} 万字`,
  tables: '未能还原表格结构，表格按每格一行读取'
} as const

/** .docx packages: checked from the central directory before inflating, then while inflating. */
export const ZIP_LIMITS = {
  /** A Word report unpacks to a few MB; 200 MB is far past any real one. */
  maxTotalBytes: 200 * MB,
  /** Word documents hold tens of parts, a few hundred with many images. */
  maxEntries: 5000,
  /** XML deflates ~10:1, zeros ~1000:1. Above 100:1 on a sizeable entry is not a document. */
  maxRatio: 100,
  /** Small entries compress absurdly well too (an empty part): ratios only count above this size. */
  ratioFloorBytes: 1024 * 1024
} as const
