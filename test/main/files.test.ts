import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileError, readBoundedFile, readReportText, writeFileAtomic } from '../../src/main/services/files'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-'))
})
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const path = join(dir, 'r.json')
    await writeFile(path, 'old')
    await writeFileAtomic(path, 'new')
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['r.json'])
  })

  it('keeps the old content and cleans up when writing fails', async () => {
    const path = join(dir, 'r.json')
    await writeFile(path, 'old')
    // A target that is a folder makes the final rename fail after the temp file was written.
    const folder = join(dir, 'folder')
    await mkdir(join(folder, 'inner'), { recursive: true })
    await expect(writeFileAtomic(folder, 'new')).rejects.toBeInstanceOf(FileError)
    expect(await readFile(path, 'utf8')).toBe('old')
    expect((await readdir(dir)).sort()).toEqual(['folder', 'r.json'])
  })

  it.skipIf(process.getuid?.() === 0)('says the folder is read-only in Chinese', async () => {
    await chmod(dir, 0o500)
    await expect(writeFileAtomic(join(dir, 'r.json'), 'x')).rejects.toThrow(/没有权限|只读/)
  })

  it('names a missing destination folder', async () => {
    await expect(writeFileAtomic(join(dir, 'nope', 'r.json'), 'x')).rejects.toThrow(`保存位置不存在：${join(dir, 'nope')}`)
  })
})

describe('bounded reads', () => {
  it('refuses a file over the limit before reading it', async () => {
    const path = join(dir, 'big.json')
    await writeFile(path, Buffer.alloc(2048))
    await expect(readBoundedFile(path, 1024)).rejects.toThrow(/文件过大（2\.0 KB），超过上限 1\.0 KB/)
  })

  it('refuses a report that is not UTF-8', async () => {
    const path = join(dir, 'gbk.json')
    await writeFile(path, Buffer.from('c4e3bac3', 'hex'))
    await expect(readReportText(path)).rejects.toThrow('不是 UTF-8 编码的年报文件')
  })

  it('explains a missing file', async () => {
    await expect(readBoundedFile(join(dir, 'x'), 10)).rejects.toThrow('找不到文件')
  })
})
