/**
 * Damaged Type 1 font programs: an encoding code or a subroutine number past any real font makes
 * pdfjs walk an array that long for every glyph (a flipped digit in a real report's font took it
 * hours). The guard refuses such a program in one sentence before pdfjs sees it, and lets real ones
 * through. The fonts here are the real ones LibreOffice embedded in our test report, altered.
 */
import { readFileSync } from 'node:fs'
import { deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { pagePdf, textContent } from '../../../fuzz/pdf'
import { FileError } from '../../../src/main/services/files'
import { PDF_MESSAGES } from '../../../src/main/services/importLimits'
import { readDocument } from '../../../src/main/services/readers'
import { checkPdfStructure } from '../../../src/main/services/readers/pdfGuard'
import { checkType1Program } from '../../../src/main/services/readers/pdfType1'
import { fixture } from './support'

/** The report's embedded Type 1 programs (streams with /Length2), decoded. */
function type1Programs(): Buffer[] {
  const pdf = readFileSync(fixture('same-report/report.pdf'))
  const text = pdf.toString('latin1')
  return [...text.matchAll(/<<[^>]*\/Length2[^>]*>>\s*stream\r?\n/g)].map((m) => {
    const start = m.index + m[0].length
    return inflateSync(pdf.subarray(start, text.indexOf('endstream', start)))
  })
}

/** eexec encryption (Adobe Type 1 Font Format, 7.2): the inverse of what pdfjs and the guard decrypt. */
function eexec(plain: Buffer, encrypt: boolean): Buffer {
  const out = Buffer.alloc(plain.length)
  let r = 55665
  for (let i = 0; i < plain.length; i += 1) {
    const c = encrypt ? plain[i]! ^ (r >> 8) : plain[i]!
    out[i] = encrypt ? c : c ^ (r >> 8)
    r = ((c + r) * 52845 + 22719) & 0xffff
  }
  return out
}

/** The program with its private part decrypted, changed by `edit`, and encrypted again. */
function editPrivate(program: Buffer, edit: (secret: string) => string): Buffer {
  const at = program.indexOf('eexec') + 'eexec'.length + 1
  const trailer = program.lastIndexOf('0000000000')
  const cipher = program.subarray(at, trailer)
  const secret = eexec(cipher, false).toString('latin1')
  const changed = eexec(Buffer.from(edit(secret), 'latin1'), true)
  return Buffer.concat([program.subarray(0, at), changed, program.subarray(trailer)])
}

const fontPdf = (program: Buffer) =>
  pagePdf({
    content: textContent(['Annual report']),
    extra: [{ body: `<< /Length1 ${program.indexOf('eexec') + 6} /Length2 ${program.length} /Length3 0 /Filter /FlateDecode >>`, stream: deflateSync(program) }]
  })

describe('Type 1 font programs', () => {
  const programs = type1Programs()

  it('lets the real fonts through', () => {
    expect(programs.length).toBeGreaterThan(0)
    for (const program of programs) {
      expect(() => checkType1Program(program)).not.toThrow()
      expect(() => checkPdfStructure(fontPdf(program))).not.toThrow()
    }
  })

  it('refuses an encoding code past any real font, before pdfjs sees it', async () => {
    const damaged = Buffer.from(programs[0]!.toString('latin1').replace('dup 1 /', 'dup 48843120694 /'), 'latin1')
    expect(() => checkType1Program(damaged)).toThrow(PDF_MESSAGES.type1Font)
    const error = await readDocument({ bytes: fontPdf(damaged), name: '年报.pdf' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect((error as FileError).message).toBe(PDF_MESSAGES.type1Font)
  })

  it('refuses a subroutine number past any real font, inside the encrypted part', () => {
    const damaged = editPrivate(programs[0]!, (secret) => {
      expect(secret).toMatch(/\/Subrs \d+ array\s+dup 0 /)
      return secret.replace(/(\/Subrs \d+ array\s+dup )0 /, '$1999999999 ')
    })
    expect(() => checkType1Program(damaged)).toThrow(PDF_MESSAGES.type1Font)
    // The same edit with a real number passes: the decryption is right, not the refusal blind.
    expect(() => checkType1Program(editPrivate(programs[0]!, (secret) => secret.replace(/(\/Subrs \d+ array\s+dup )0 /, '$10 ')))).not.toThrow()
  })
})
