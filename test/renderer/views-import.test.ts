/** The import view: what was recognised, how sure, what is missing; correcting; accepting; the draft. */
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../src/renderer/src/api/types'
import type { ImportedValue } from '@core/import/types'
import type { CellId } from '@core/report/cells'
import { createReport } from '@core/report/report'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'
import ImportView from '../../src/renderer/src/views/ImportView.vue'
import { bodyText, buttonByText, byTestId, fakeImport, fakeLibrary, importPreview, mountView, settle, unmountViews } from './views-fakes'

afterEach(unmountViews)

function samplePreview(): ImportPreview {
  const report = {
    ...createReport({ unit: '霞美镇人民政府', year: 2016, level: 'township' }),
    values: { 't3.new.natural': 12, 't3.public.natural': 7, 't4.review.upheld': 1 }
  }
  return importPreview({
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
    warnings: ['文件编码按 GB18030 读取', '第3段：GBK 错位乱码已修复', '第9段：GBK 错位乱码已修复', '表三「（一）予以公开」数字连写“712”按合计拆分'],
    notices: [
      { group: 'file', text: '文件编码按 GB18030 读取' },
      { group: 'text', text: '第3段：GBK 错位乱码已修复' },
      { group: 'text', text: '第9段：GBK 错位乱码已修复' },
      { group: 'tables', text: '表三「（一）予以公开」数字连写“712”按合计拆分' }
    ],
    unitCheck: { settled: true, source: 'title', candidates: ['霞美镇人民政府'], evidence: ['单位取自标题'] },
    suggestions: [
      {
        cells: ['t3.partial.natural', 't3.partial.business', 't3.partial.research', 't3.partial.welfare', 't3.partial.lawService', 't3.partial.otherOrg', 't3.partial.total'],
        values: [3, 1, 0, 0, 1, 0, 5],
        reason: '原文有一行数字（3 1 0 0 1 0 5）没有行标签，放入此行时合计关系相符',
        source: { block: 7 }
      }
    ]
  })
}

async function mountImport(change: (preview: ImportPreview) => void = () => {}) {
  const preview = samplePreview()
  change(preview)
  const importClient = fakeImport(preview)
  const library = fakeLibrary([])
  const mounted = mountView(ImportView, { clients: { import: importClient, library } })
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
    byTestId('recognised-sections').querySelector<HTMLElement>('.n-collapse-item__header-main')!.click()
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
  })

  it('says at the top how many values were read, are to check, are missing — never that all are reliable', async () => {
    await mountImport()
    expect(byTestId('import-counts').textContent).toContain('已识别 1 个，需核对 2 个，未识别 197 个')
    expect(bodyText()).not.toContain('所有数值均已可靠识别')
  })

  it('lists every value to check with its reason beside the tables, readable without a mouse', async () => {
    await mountImport()
    const list = byTestId('review-items').textContent ?? ''
    expect(list).toContain('表三「（一）予以公开」「自然人」：7')
    expect(list).toContain('原文“712”按合计拆分')
    expect(list).toContain('表四「行政复议」「结果维持」：1')
    expect(list).toContain('近似对应')
    // An entry moves the focus to its cell.
    document.body.querySelector<HTMLButtonElement>('[data-review-cell="t3.public.natural"]')!.click()
    await settle()
    expect(document.activeElement).toBe(cell('t3.public.natural'))
  })

  it('tints the cells without a value and lists them by row', async () => {
    await mountImport()
    expect(cell('t3.carried.natural').classList.contains('is-missing')).toBe(true)
    expect(cell('t3.new.natural').classList.contains('is-missing')).toBe(false)
    const missing = byTestId('missing-cells').textContent ?? ''
    expect(missing).toContain('表二「规章」')
    expect(missing).toContain('整行空白')
    expect(missing).toContain('表三「一、本年新收政府信息公开申请数量」')
  })

  it('groups what the reader noticed, with counts, instead of one line per paragraph', async () => {
    await mountImport()
    expect(byTestId('import-missing').textContent).toContain('表四 行政诉讼')
    const notices = byTestId('import-warnings')
    expect(notices.textContent).toContain('读取时注意到（4 条）')
    expect(notices.querySelector('[data-notice-group="text"]')!.textContent).toContain('2 条')
    expect(notices.querySelector('[data-notice-group="tables"]')!.textContent).toContain('1 条')
    expect(bodyText()).toContain('受理政府信息公开申请总数')
  })

  it('fills the empty row a suggestion fits with one click', async () => {
    await mountImport()
    expect(byTestId('import-suggestion').textContent).toContain('没有行标签')
    buttonByText('填入此行').click()
    await settle()
    expect(cell('t3.partial.natural').value).toBe('3')
    expect(cell('t3.partial.total').value).toBe('5')
    expect(cell('t3.partial.total').classList.contains('is-corrected')).toBe(true)
    expect(buttonByText('此行已有数值').disabled).toBe(true)
  })

  it('asks to confirm a unit it could not settle before storing it', async () => {
    const { importClient } = await mountImport((p) => {
      p.unitCheck = { settled: false, source: 'title', candidates: ['霞美镇人民政府', '霞美真人民政府'], evidence: ['文中的单位名称不一致'] }
    })
    expect(byTestId('import-unit-check').textContent).toContain('单位名称未能确定')
    expect(byTestId('import-unit-check').textContent).toContain('霞美真人民政府')
    byTestId('accept-import').click()
    await settle()
    expect(importClient.accept).not.toHaveBeenCalled()
    expect(bodyText()).toContain('请确认单位名称')
    buttonByText('确认').click()
    await settle()
    // The partly filled tables do not add up yet: the checks ask once more.
    buttonByText('仍然导入').click()
    await settle()
    expect(importClient.accept).toHaveBeenCalledTimes(1)
  })

  it('runs the table checks before storing and tells an import fault from the source’s own arithmetic', async () => {
    const { importClient } = await mountImport((p) => {
      // 表四 行政复议: a total read as printed that does not add up (the source's slip), and 表四
      // 未经复议直接起诉 whose parts include a value to check (an import fault, perhaps).
      const read = (cell: CellId, value: number): ImportedValue => ({ cell, value, method: 'read', confidence: 1, flags: [], source: { block: 5 } })
      const review = ['upheld', 'corrected', 'other', 'pending'].map((c) => read(`t4.review.${c}` as CellId, 1))
      const direct = ['corrected', 'other', 'pending'].map((c) => read(`t4.direct.${c}` as CellId, 0))
      p.values = [
        ...review,
        read('t4.review.total', 5),
        { cell: 't4.direct.upheld', value: 2, method: 'derived', confidence: 0.6, flags: ['split'], note: '拆分', source: { block: 6 } },
        ...direct,
        read('t4.direct.total', 1)
      ]
      p.report = { ...p.report, values: Object.fromEntries(p.values.map((v) => [v.cell, v.value])) }
    })
    byTestId('accept-import').click()
    await settle()
    expect(importClient.accept).not.toHaveBeenCalled()
    expect(bodyText()).toContain('表格中仍有 2 处数字不符')
    expect(byTestId('issues-import').textContent).toContain('可能是导入造成的')
    expect(byTestId('issues-import').textContent).toContain('未经复议直接起诉')
    expect(byTestId('issues-source').textContent).toContain('原报告本身的数字不一致')
    expect(byTestId('issues-source').textContent).toContain('行政复议')
    buttonByText('仍然导入').click()
    await settle()
    expect(importClient.accept).toHaveBeenCalledTimes(1)
  })

  it('accepts the corrected report, then offers this year’s draft and opens it', async () => {
    const { importClient, library, navigation } = await mountImport()
    const split = cell('t3.public.natural')
    split.value = '8'
    split.dispatchEvent(new Event('change'))
    await settle()
    expect(split.classList.contains('is-corrected')).toBe(true)
    expect(byTestId('import-counts').textContent).toContain('需核对 1 个')

    const unit = byTestId('import-unit').querySelector('input')!
    unit.value = '福清市霞美镇人民政府'
    unit.dispatchEvent(new Event('input'))
    await settle()

    byTestId('accept-import').click()
    await settle()
    // Blanks in rows with figures break their totals: said to be the import's, stored on request.
    expect(byTestId('issues-import').textContent).toContain('可能是导入造成的')
    buttonByText('仍然导入').click()
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

  it('asks before replacing a report in the library, and offers 撤销 right after', async () => {
    const preview = samplePreview()
    const importClient = fakeImport(preview)
    const library = fakeLibrary([{ name: '霞美镇人民政府', level: 'township', years: [{ year: 2016, updatedAt: '2017-01-20T00:00:00.000Z', status: 'ok' }] }])
    library.history.mockResolvedValue([
      { id: '20260120T080000000Z', time: '2026-01-20T08:00:00.000Z', size: 2048, damaged: false, reason: 'import' }
    ])
    const mounted = mountView(ImportView, { clients: { import: importClient, library } })
    const navigation = useNavigationStore(mounted.pinia)
    navigation.showImport(preview)
    await settle()

    byTestId('accept-import').click()
    await settle()
    // The sample's tables do not add up: the table checks ask first.
    buttonByText('仍然导入').click()
    await settle()
    expect(bodyText()).toContain('原报告会保存为历史版本，替换后也可以马上撤销')
    buttonByText('替换', [...document.body.querySelectorAll('.n-dialog')].at(-1)!).click()
    await settle()
    expect(importClient.accept).toHaveBeenCalledWith(expect.anything(), { replace: true })
    expect(bodyText()).toContain('已用导入的内容替换原有的 2016 年度报告')
    byTestId('undo-notice').click()
    await settle()
    expect(library.restore).toHaveBeenCalledWith('霞美镇人民政府', 2016, '20260120T080000000Z')
    expect(bodyText()).toContain('已撤销替换：2016 年度报告恢复为原来的版本')
  })
})
