/** What an exported .docx says, for flows that check a typed value reached the document. */
import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'

/** The text of word/document.xml, tags dropped (table cells run together; search for what you expect). */
export async function readDocxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path))
  const xml = await zip.file('word/document.xml')?.async('string')
  if (xml === undefined) throw new Error(`${path} has no word/document.xml`)
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')
}

/** The rows of the document's tables, each a list of cell texts: `rows[i][j]`. */
export async function readDocxTables(path: string): Promise<string[][][]> {
  const zip = await JSZip.loadAsync(await readFile(path))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  const text = (fragment: string) => fragment.replace(/<[^>]+>/g, '')
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) =>
    [...table!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, row]) => [...row!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => text(cell!)))
  )
}
