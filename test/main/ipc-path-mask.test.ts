/** Paths in officer-facing messages: the library folder and chosen files masked, nothing else garbled. */
import { describe, expect, it } from 'vitest'
import { CHOSEN_FOLDER, createPathMask, LIBRARY_NAME } from '../../src/main/ipc/handlers/officerErrors'
import { PathTokens, TOKEN_EXPIRED } from '../../src/main/services/pathTokens'
import { TOKEN_PATTERN } from '@shared/ipc/schemas'

describe('path mask', () => {
  it('replaces the library folder, a chosen file and its folder', () => {
    const tokens = new PathTokens()
    tokens.issue('/home/officer/文档/年报.docx')
    const mask = createPathMask('/home/officer/.config/年报助手/library', tokens)
    expect(mask('报告文件已损坏：/home/officer/.config/年报助手/library/reports/某县/2024.json（格式不符）')).toBe(
      `报告文件已损坏：${LIBRARY_NAME}/reports/某县/2024.json（格式不符）`
    )
    expect(mask('无法写入：/home/officer/文档/年报.docx')).toBe('无法写入：年报.docx')
    expect(mask('保存位置不存在：/home/officer/文档')).toBe(`保存位置不存在：${CHOSEN_FOLDER}`)
  })

  it('leaves other text alone when a file was chosen at a drive’s root', () => {
    const tokens = new PathTokens()
    tokens.issue('/年报.docx')
    const mask = createPathMask('/var/lib/年报/library', tokens)
    expect(mask('找不到文件：/年报.docx；另见 a/b')).toBe('找不到文件：年报.docx；另见 a/b')
  })
})

describe('path tokens', () => {
  it('issues fresh opaque tokens and resolves only those', () => {
    const tokens = new PathTokens()
    const a = tokens.issue('/x/a.docx')
    const b = tokens.issue('/x/a.docx')
    expect(a).toMatch(TOKEN_PATTERN)
    expect(a).not.toBe(b)
    expect(tokens.resolve(a)).toBe('/x/a.docx')
    expect(() => tokens.resolve(tokens.anonymous())).toThrow(TOKEN_EXPIRED)
  })

  it('forgets the oldest beyond its capacity', () => {
    const tokens = new PathTokens(2)
    const first = tokens.issue('/1')
    tokens.issue('/2')
    const third = tokens.issue('/3')
    expect(() => tokens.resolve(first)).toThrow(TOKEN_EXPIRED)
    expect(tokens.resolve(third)).toBe('/3')
    expect(tokens.knownPaths()).toEqual(['/2', '/3'])
  })
})
