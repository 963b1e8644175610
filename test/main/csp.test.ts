import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src/main/csp'

const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8')
const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? ''

describe('renderer Content-Security-Policy', () => {
  it('is set in a meta tag', () => {
    expect(meta).not.toBe('')
  })

  it("allows scripts from 'self' only: no eval, no inline scripts", () => {
    const scriptSrc = meta.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))
    expect(scriptSrc).toBe("script-src 'self'")
    expect(meta).not.toContain("'unsafe-eval'")
    expect(meta).toContain("object-src 'none'")
  })

  it('matches the header main adds to every response, which also forbids framing', () => {
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY)
    expect(meta).not.toContain('frame-ancestors')
    expect(CONTENT_SECURITY_POLICY).toBe(`${meta}; frame-ancestors 'none'`)
  })
})
