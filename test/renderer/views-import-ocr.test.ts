/** The import view for a scan: each OCR'd value beside its crop, flagged first, a keyboard flow to confirm or correct. */
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../src/renderer/src/api/types'
import { createReport } from '@core/report/report'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'
import ImportView from '../../src/renderer/src/views/ImportView.vue'
import { byTestId, fakeImport, fakeLibrary, importPreview, mountView, settle, unmountViews } from './views-fakes'

afterEach(unmountViews)

const CROP = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAG7buVgAAAABJRU5ErkJggg=='

function scanPreview(): ImportPreview {
  const report = {
    ...createReport({ unit: '示例镇人民政府', year: 2025, level: 'township' }),
    values: { 't3.public.natural': 9, 't3.public.total': 18, 't3.new.natural': 27 }
  }
  const ocrValue = (cell: 't3.public.natural' | 't3.public.total' | 't3.new.natural', value: number, flagged: boolean) => ({
    cell,
    value,
    method: 'read' as const,
    confidence: flagged ? 0.4 : 0.9,
    flags: flagged ? (['ocr', 'review'] as const) : (['ocr'] as const),
    source: { block: 2, row: 3, cell: 4, text: String(value) }
  })
  const item = (cell: 't3.public.natural' | 't3.public.total' | 't3.new.natural', value: number, reasons: ('identity' | 'low-score')[], suggestion?: number) => ({
    cell,
    value,
    read: String(value),
    page: 3,
    box: [10, 20, 40, 50] as [number, number, number, number],
    score: reasons.includes('low-score') ? 0.5 : 0.99,
    crop: CROP,
    reasons,
    ...(suggestion !== undefined ? { suggestion } : {})
  })
  return importPreview({
    fileName: '扫描件.pdf',
    generation: '2021',
    report,
    values: [ocrValue('t3.public.total', 18, true), ocrValue('t3.public.natural', 9, true), ocrValue('t3.new.natural', 27, false)].map((v) => ({
      ...v,
      flags: [...v.flags]
    })),
    warnings: ['第 3 页是扫描的图片，内容由文字识别（OCR）得到，数值需对照原图核对'],
    notices: [{ group: 'file', text: '第 3 页是扫描的图片，内容由文字识别（OCR）得到，数值需对照原图核对' }],
    unitCheck: { settled: true, source: 'title', candidates: ['示例镇人民政府'], evidence: [] },
    ocr: {
      pages: [3],
      flagged: 2,
      items: [item('t3.public.total', 18, ['identity'], 16), item('t3.public.natural', 9, ['low-score']), { ...item('t3.new.natural', 27, []), checkedBy: 'arithmetic' as const }]
    }
  })
}

async function mountScan() {
  const preview = scanPreview()
  const mounted = mountView(ImportView, { clients: { import: fakeImport(preview), library: fakeLibrary([]) } })
  useNavigationStore(mounted.pinia).showImport(preview)
  await settle()
}

const ocrInput = (cell: string) => document.body.querySelector<HTMLInputElement>(`input[data-ocr-cell="${cell}"]`)
const tableInput = (cell: string) => document.body.querySelector<HTMLInputElement>(`input[data-cell="${cell}"]`)!

function key(input: HTMLInputElement, key: string, init: KeyboardEventInit = {}) {
  input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }))
}

describe('ImportView · scan review', () => {
  it('lists the flagged values first, each with its image crop and why', async () => {
    await mountScan()
    const review = byTestId('ocr-review')
    const items = [...review.querySelectorAll<HTMLElement>('[data-ocr-item]')].map((li) => li.dataset.ocrItem)
    expect(items).toEqual(['t3.public.total', 't3.public.natural'])
    expect(review.querySelector('img')!.getAttribute('src')).toBe(CROP)
    expect(review.textContent).toContain('所在行或列的合计关系不成立')
    expect(review.textContent).toContain('识别把握不大')
    expect(byTestId('ocr-flagged').textContent).toBe('2')
    byTestId('ocr-show-all').click()
    await settle()
    expect(review.querySelectorAll('[data-ocr-item]')).toHaveLength(3)
    expect(review.textContent).toContain('合计关系已验证')
  })

  it('Enter confirms a value and moves on; a typed figure corrects it; Ctrl+Enter takes the suggestion', async () => {
    await mountScan()
    expect(byTestId('import-counts').textContent).toContain('需核对 3 个')

    // Ctrl+Enter on 予以公开 · 总计 (read 18): the suggested 16 goes into the table, focus moves on.
    const total = ocrInput('t3.public.total')!
    total.focus()
    key(total, 'Enter', { ctrlKey: true })
    await settle()
    expect(tableInput('t3.public.total').value).toBe('16')
    expect(document.activeElement).toBe(ocrInput('t3.public.natural'))

    // A typed correction, then Enter.
    const natural = ocrInput('t3.public.natural')!
    natural.value = '8'
    key(natural, 'Enter')
    await settle()
    expect(tableInput('t3.public.natural').value).toBe('8')
    expect(byTestId('ocr-review').textContent).toContain('已更正')
    expect(byTestId('import-counts').textContent).toContain('需核对 1 个')
  })

  it('Enter on an unchanged value confirms it as read', async () => {
    await mountScan()
    const natural = ocrInput('t3.public.natural')!
    key(natural, 'Enter')
    await settle()
    expect(tableInput('t3.public.natural').value).toBe('9')
    expect(byTestId('ocr-review').textContent).toContain('已确认')
  })

  it('a figure that is not one is refused in words, nothing changes', async () => {
    await mountScan()
    const natural = ocrInput('t3.public.natural')!
    natural.value = '十二'
    key(natural, 'Enter')
    await settle()
    expect(byTestId('ocr-review').querySelector('[role="alert"]')!.textContent).not.toBe('')
    expect(tableInput('t3.public.natural').value).toBe('9')
  })
})
