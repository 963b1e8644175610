import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileError, readBoundedFile, readReportText, writeFileAtomic } from '../../src/main/services/files'
import { FaultyFs } from './library/faults'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-'))
})
afterEach(async () => {
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

  // Through an injected fs: chmod does not stop root, and CI runs as root.
  it.each([
    ['EACCES', '没有权限访问：'],
    ['EROFS', '磁盘或文件夹是只读的，无法写入：'],
    ['EPERM', '没有权限访问：']
  ])('says in Chinese that the folder cannot be written (%s), and leaves nothing behind', async (code, message) => {
    const path = join(dir, 'r.json')
    await writeFile(path, 'old')
    const fs = new FaultyFs((call) => (call.op === 'open' ? code : undefined))
    await expect(writeFileAtomic(path, 'x', fs)).rejects.toThrow(`${message}${path}`)
    expect(fs.calls.map((c) => c.op)).toContain('open')
    expect(await readFile(path, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['r.json'])
  })

  it('says in Chinese that the disk is full when the write itself fails, keeping the old content', async () => {
    const path = join(dir, 'r.json')
    await writeFile(path, 'old')
    const fs = new FaultyFs((call) => (call.op === 'write' ? 'ENOSPC' : undefined))
    await expect(writeFileAtomic(path, 'x', fs)).rejects.toThrow(`磁盘空间不足，无法写入：${path}`)
    expect(await readFile(path, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['r.json'])
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
