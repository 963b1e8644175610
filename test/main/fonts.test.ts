/** The font check: names read from the files themselves, in nested folders and collections. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFontChecker, readFontNames, systemFontFolders } from '../../src/main/services/fonts'
import { fontCollection, fontFile } from '../support/fontFile'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fonts-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('reading a font file', () => {
  it('reads the Chinese and English names of a font and of each font of a collection', async () => {
    await writeFile(join(dir, 'a.ttf'), fontFile('仿宋_GB2312', 'FangSong_GB2312'))
    expect(await readFontNames(join(dir, 'a.ttf'))).toEqual(['仿宋_GB2312', 'FangSong_GB2312'])
    await writeFile(join(dir, 'b.ttc'), fontCollection(['宋体', 'SimSun'], ['新宋体', 'NSimSun']))
    expect(await readFontNames(join(dir, 'b.ttc'))).toEqual(['宋体', 'SimSun', '新宋体', 'NSimSun'])
  })

  it('counts a damaged or foreign file as no font', async () => {
    await writeFile(join(dir, 'bad.ttf'), Buffer.from('not a font at all'))
    await writeFile(join(dir, 'empty.otf'), Buffer.alloc(0))
    expect(await readFontNames(join(dir, 'bad.ttf'))).toEqual([])
    expect(await readFontNames(join(dir, 'empty.otf'))).toEqual([])
  })
})

describe('checking the official fonts', () => {
  it('says every official font is missing on a computer without them, and which substitutes exist', async () => {
    await writeFile(join(dir, 'simfang.ttf'), fontFile('仿宋', 'FangSong'))
    const status = await createFontChecker(() => [dir, join(dir, 'does-not-exist')]).check()
    expect(status.map((s) => [s.font, s.installed, s.substitute, s.substituteInstalled])).toEqual([
      ['仿宋_GB2312', false, '仿宋', true],
      ['方正小标宋简体', false, '宋体', false],
      ['黑体', false, '黑体', false],
      ['楷体_GB2312', false, '楷体', false]
    ])
    expect(status[0]?.use).toBe('正文')
  })

  it('finds the fonts when installed, by their own names, whatever the file is called', async () => {
    await mkdir(join(dir, 'nested', 'deeper'), { recursive: true })
    await writeFile(join(dir, 'FZXBSJW.TTF'), fontFile('方正小标宋简体', 'FZXiaoBiaoSong-B05S'))
    await writeFile(join(dir, 'nested', 'x1.ttf'), fontFile('FangSong_GB2312'))
    await writeFile(join(dir, 'nested', 'deeper', 'simhei.ttf'), fontFile('黑体', 'SimHei'))
    await writeFile(join(dir, 'nested', 'k.otf'), fontFile('楷体_GB2312'))
    await writeFile(join(dir, 'readme.txt'), '仿宋_GB2312')
    const status = await createFontChecker(() => [dir]).check()
    expect(status.every((s) => s.installed)).toBe(true)
  })

  it('looks in the Windows font folders, the user’s own included', () => {
    expect(systemFontFolders('win32', { WINDIR: 'D:\\Windows', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' })).toEqual([
      join('D:\\Windows', 'Fonts'),
      join('C:\\Users\\a\\AppData\\Local', 'Microsoft', 'Windows', 'Fonts')
    ])
    expect(systemFontFolders('linux', {})).toContain('/usr/share/fonts')
  })
})
