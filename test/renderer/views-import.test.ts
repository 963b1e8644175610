/** The import view: what was recognised, how sure, what is missing; correcting; accepting; the draft. */
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../src/renderer/src/api/types'
import { createReport } from '../../src/core/report/report'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'
import ImportView from '../../src/renderer/src/views/ImportView.vue'
import { bodyText, byTestId, fakeImport, fakeLibrary, mountView, settle } from './views-fakes'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

function samplePreview(): ImportPreview {
  const report = {
    ...createReport({ unit: '霞美镇人民政府', year: 2016, level: 'township' }),
    values: { 't3.new.natural': 12, 't3.public.natural': 7, 't4.review.upheld': 1 }
  }
  return {
    token: 'file-1',
    fileName: 'xiamei-2016.txt',
    generation: 'pre-2019',
    report,
    sections: [
      { heading: '一、概述', section: 'overview', text: '2016年，我镇认真贯彻落实《条例》。' },
      { heading: '二、主动公开政府信息情况', section: 'proactive', text: '全年主动公开政府信息 120 条。' }
    ],
    values: [
      { cell: 't3.new.natural', value: 12, method: 'read', confidence: 1, flags: [], source: { block: 3, text: '12' } },
      {
        cell: 't3.public.natural',
        value: 7,
        method: 'derived',
        confidence: 0.6,
        flags: ['split'],
        note: '原文“712”按合计拆分',
        source: { block: 3, text: '712' }
      },
      { cell: 't4.review.upheld', value: 1, method: 'read', confidence: 0.8, flags: ['approximate'], source: { block: 5 } }
    ],
    legacy: [{ label: '受理政府信息公开申请总数', unit: '件', values: { 本年: '12' }, source: { block: 4 } }],
    missing: ['表四 行政诉讼'],
    warnings: ['文件编码按 GB18030 读取']
  }
}

async function mountImport() {
  const preview = samplePreview()
  const importClient = fakeImport(preview)
  const library = fakeLibrary([])
  const mounted = mountView(ImportView, { clients: { import: importClient, library } })
  wrapper = mounted.wrapper
  const navigation = useNavigationStore(mounted.pinia)
  navigation.showImport(preview)
  await settle()
  return { importClient, library, navigation }
}

function cell(id: string): HTMLInputElement {
  const input = document.body.querySelector<HTMLInputElement>(`input[data-cell="${id}"]`)
  if (!input) throw new Error(`no input ${id}`)
  return input
}

describe('ImportView', () => {
  it('shows the unit, year, generation and each section with its length', async () => {
    await mountImport()
    expect(byTestId('import-unit').querySelector('input')!.value).toBe('霞美镇人民政府')
    expect(byTestId('import-year').querySelector('input')!.value).toBe('2016')
    expect(byTestId('generation').textContent).toContain('2019 年以前')
    const sections = byTestId('recognised-sections').textContent ?? ''
    expect(sections).toContain('一、概述')
    expect(sections).toContain('→ 一、总体情况')
    expect(sections).toContain('19 字')
    expect(sections).toContain('二、主动公开政府信息情况')
    expect(sections).not.toContain('认真贯彻落实')
    document.body.querySelector<HTMLElement>('.n-collapse-item__header-main')!.click()
    await settle()
    expect(byTestId('recognised-sections').textContent).toContain('认真贯彻落实《条例》')
  })

  it('names the unit, level and year fields for screen readers', async () => {
    await mountImport()
    expect(byTestId('import-unit').querySelector('input')!.getAttribute('aria-label')).toBe('单位名称')
    expect(byTestId('import-year').querySelector('input')!.getAttribute('aria-label')).toBe('报告年度')
    // The select's focusable element is a combobox named by the form item's visible label.
    const level = byTestId('import-level').querySelector<HTMLElement>('[tabindex="0"]')!
    expect(level.getAttribute('role')).toBe('combobox')
    const labelId = level.getAttribute('aria-labelledby')!
    expect(document.getElementById(labelId)?.textContent).toContain('层级')
    expect(level.getAttribute('aria-expanded')).toBe('false')
  })

  it('shows the values in the official tables and highlights the uncertain ones', async () => {
    await mountImport()
    expect(document.body.querySelectorAll('table.report-table')).toHaveLength(3)
    expect(cell('t3.new.natural').value).toBe('12')
    expect(cell('t3.new.natural').classList.contains('is-uncertain')).toBe(false)
    const split = cell('t3.public.natural')
    expect(split.value).toBe('7')
    expect(split.classList.contains('is-uncertain')).toBe(true)
    expect(split.title).toContain('原文“712”按合计拆分')
    expect(split.title).toContain('识别把握：60%')
    expect(cell('t4.review.upheld').title).toContain('近似对应')
    expect(byTestId('uncertain-count').textContent).toContain('2 个数值需要核对')
  })

  it('lists what is missing and what the reader noticed', async () => {
    await mountImport()
    expect(byTestId('import-missing').textContent).toContain('表四 行政诉讼')
    expect(byTestId('import-warnings').textContent).toContain('GB18030')
    expect(bodyText()).toContain('受理政府信息公开申请总数')
  })

  it('accepts the corrected report, then offers this year’s draft and opens it', async () => {
    const { importClient, library, navigation } = await mountImport()
    const split = cell('t3.public.natural')
    split.value = '8'
    split.dispatchEvent(new Event('change'))
    await settle()
    expect(split.classList.contains('is-corrected')).toBe(true)
    expect(byTestId('uncertain-count').textContent).toContain('1 个数值需要核对')

    const unit = byTestId('import-unit').querySelector('input')!
    unit.value = '福清市霞美镇人民政府'
    unit.dispatchEvent(new Event('input'))
    await settle()

    byTestId('accept-import').click()
    await settle()
    expect(importClient.accept).toHaveBeenCalledTimes(1)
    const accepted = importClient.accept.mock.calls[0]![0]
    expect(accepted.unit.name).toBe('福清市霞美镇人民政府')
    expect(accepted.year).toBe(2016)
    expect(accepted.values['t3.public.natural']).toBe(8)
    expect(accepted.values['t3.new.natural']).toBe(12)

    expect(byTestId('import-accepted').textContent).toContain('已存入资料库')
    // Says what the draft really does: 现行有效件数 is a baseline to check against, not carried in.
    const explained = byTestId('import-accepted').textContent ?? ''
    expect(explained).toContain('表三“二、上年结转”逐列带入')
    expect(explained).toContain('上年的现行有效件数作为基数')
    expect(explained).not.toContain('现行有效件数等会自动带入')
    const draft = byTestId('make-draft')
    expect(draft.textContent).toContain('生成 2017 年度草稿')
    draft.click()
    await settle()
    expect(library.nextYear).toHaveBeenCalledWith('福清市霞美镇人民政府', 2016)
    expect(navigation.openReport).toEqual({ unit: '福清市霞美镇人民政府', year: 2017 })
    expect(navigation.view).toBe('editor')
    expect(navigation.pendingImport).toBeNull()
  })

  it('refuses a value that is not a count and keeps the old one', async () => {
    await mountImport()
    const input = cell('t3.new.natural')
    input.value = '十二'
    input.dispatchEvent(new Event('change'))
    await settle()
    expect(input.value).toBe('12')
    expect(bodyText()).toContain('不是有效数值')
  })
})
