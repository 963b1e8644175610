/** The committed fixtures every mutation starts from, by file kind. */
import { readFileSync } from 'node:fs'

const FIXTURES = new URL('../test/fixtures/', import.meta.url)

export type SeedKind = 'docx' | 'doc' | 'pdf' | 'html' | 'mhtml' | 'txt'

const SEED_FILES: Record<SeedKind, readonly string[]> = {
  docx: ['same-report/report.docx'],
  doc: ['same-report/report.doc', 'word/features.doc'],
  pdf: ['same-report/report.pdf', 'same-report/report-split.pdf'],
  html: [
    'same-report/report.html',
    'wild/cms-word-paste.gbk.html',
    'wild/layout-table-site.gbk.html',
    'wild/format-2019.html',
    'wild/labels-broken.html',
    'wild/stats-table-split-table4.html'
  ],
  mhtml: ['same-report/report.mhtml'],
  txt: [
    'text/report.utf8.txt',
    'text/report.gbk.txt',
    'text/report.utf16le.txt',
    'legacy/xiamei-2016.txt',
    'legacy/songzhuang-2016-traditional-webcopy.txt',
    'wild/browser-copy.cells.txt',
    'wild/browser-copy.tabs.txt',
    'wild/browser-copy.run-together.txt'
  ]
}

/** Extensions an officer's file of each kind may carry. */
export const EXTENSIONS: Record<SeedKind, readonly string[]> = {
  docx: ['.docx'],
  doc: ['.doc', '.wps'],
  pdf: ['.pdf'],
  html: ['.html', '.htm'],
  mhtml: ['.mhtml', '.mht'],
  txt: ['.txt']
}

export interface Seed {
  kind: SeedKind
  path: string
  bytes: Buffer
}

let cache: Seed[] | undefined

export function seeds(): Seed[] {
  cache ??= (Object.entries(SEED_FILES) as [SeedKind, readonly string[]][]).flatMap(([kind, paths]) =>
    paths.map((path) => ({ kind, path, bytes: readFileSync(new URL(path, FIXTURES)) }))
  )
  return cache
}

/** The report's plain text (UTF-8): the filler of the large hostile inputs. */
export function reportText(): string {
  return readFileSync(new URL('text/report.utf8.txt', FIXTURES), 'utf8')
}
