/**
 * Figures in the text tied to the tables, in the editor: a 【待更新】 mark that states a table
 * quantity takes the cell's figure once the cell is filled — in the same undo step as the edit, and
 * said in the checks panel; ready sentences from the tables inserted with one click; hints dismissed;
 * the checks not applied to an old report named with the reason.
 */
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { nextYearDraft } from '@core/report/nextYear'
import { createReport, type Report } from '@core/report/report'
import ChecksPanel from '../../src/renderer/src/components/editor/ChecksPanel.vue'
import SentenceSuggestions from '../../src/renderer/src/components/editor/SentenceSuggestions.vue'
import { consistentReport, previousReport, withSection, withValues } from '../support/reports'
import { freshStore } from './editor-support'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

/** This year's draft from the consistent 2025 report: 新收 marked, 上年结转 carried. */
const draft = (): Report => nextYearDraft(consistentReport({ year: 2025 }), { createdAt: '2026-12-01T00:00:00.000Z' }).report

describe('marks linked to cells, in the store', () => {
  it('a cell edit replaces the marks of its quantity, as one undo step', () => {
    const { store } = freshStore(draft())
    expect(store.report!.sections.requests).toContain('本年度新收政府信息公开申请【待更新：39】件，上年结转3件')
    store.setCell('t3.new.total', 42)
    expect(store.report!.sections.requests).toContain('本年度新收政府信息公开申请42件')
    expect(store.report!.sections.overview).toContain('本年度共收到政府信息公开申请42件')
    expect(store.linkNotice).toMatchObject({ count: 2 })
    expect(store.linkNotice!.examples).toEqual(['表三「一、本年新收政府信息公开申请数量」「总计」：42'])
    store.undo()
    expect(store.report!.values['t3.new.total']).toBeUndefined()
    expect(store.report!.sections.requests).toContain('新收政府信息公开申请【待更新：39】件')
    store.redo()
    expect(store.report!.sections.requests).toContain('新收政府信息公开申请42件')
  })

  it('typing “4”, “42” in one cell gives 42, and clearing the cell brings the mark back', () => {
    const { store } = freshStore(draft())
    store.setCell('t3.new.total', 4)
    store.setCell('t3.new.total', 42)
    expect(store.report!.sections.requests).toContain('新收政府信息公开申请42件')
    store.setCell('t3.new.total', undefined)
    expect(store.report!.sections.requests).toContain('新收政府信息公开申请【待更新：39】件')
    // One step for the whole typing: undone, the draft is as it was.
    store.undo()
    expect(store.canUndo).toBe(false)
    expect(store.report!.sections).toEqual(draft().sections)
  })

  it('waits for every cell of a sum (不予公开 is eight rows)', () => {
    const { store } = freshStore(draft())
    store.setCell('t3.stateSecret.total', 1)
    expect(store.report!.sections.requests).toContain('不予公开【待更新：5】件')
    const rows = ['lawForbids', 'threeSafety', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'inquiry'] as const
    store.setCells(rows.map((row) => ({ cell: `t3.${row}.total` as const, value: 1 })), '粘贴')
    expect(store.report!.sections.requests).toContain('不予公开8件')
  })

  it('on opening, marks whose cells are filled already take their figures, undoable', () => {
    const report = withValues(draft(), { 't3.new.total': 50 })
    const { store } = freshStore(report)
    expect(store.report!.sections.requests).toContain('新收政府信息公开申请50件')
    expect(store.canUndo).toBe(true)
    store.undo()
    expect(store.report!.sections.requests).toContain('【待更新：39】')
  })
})

describe('the checks panel', () => {
  it('says which marks were replaced, until dismissed', async () => {
    const setup = freshStore(draft())
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    setup.store.setCell('t3.new.total', 42)
    await nextTick()
    const notice = wrapper.find('[data-testid="link-notice"]')
    expect(notice.text()).toContain('已按表格数字改写正文中 2 处【待更新】数字')
    expect(notice.text()).toContain('可撤销')
    await notice.find('button').trigger('click')
    expect(wrapper.find('[data-testid="link-notice"]').exists()).toBe(false)
  })

  it('names the checks not applied to an imported pre-2019 report, and why', () => {
    const setup = freshStore({ ...createReport({ unit: '某某镇人民政府', year: 2016 }), imported: { generation: 'pre-2019' } })
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    const note = wrapper.find('[data-testid="not-applied"]')
    expect(note.find('summary').text()).toBe('按本报告适用的格式，未做 13 项检查')
    expect(note.text()).toContain('本报告（2016 年度）适用2019 年以前的格式（旧条例，无全国统一模板），以下检查所依据的要求当时还没有：')
    expect(note.text()).toContain('自2021 年格式（国办公开办函〔2021〕30号）起：现行有效件数、字数、信息处理费、上年问题整改、格式表述')
    expect(wrapper.text()).toContain('未发现问题')
  })

  it('has no such note for a report of the current format', () => {
    const setup = freshStore(consistentReport())
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    expect(wrapper.find('[data-testid="not-applied"]').exists()).toBe(false)
  })

  it('lets the officer dismiss a hint with a reason, undo it, or open it again', async () => {
    const report = withSection(consistentReport(), 'overview', '2025年，我镇通过政府网站主动公开政府信息326条。')
    const setup = freshStore(report)
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    const hints = () => wrapper!.findAll('[data-testid="group-hint"] [data-testid="finding"]')
    expect(hints()).toHaveLength(2)
    await wrapper.find('[data-testid="group-hint"] [data-testid="mark-dismissed"]').trigger('click')
    await wrapper.find('[data-testid="review-form"] input').setValue('乡镇不开展社会评议，已在第六部分说明')
    await wrapper.find('[data-testid="review-form"]').trigger('submit')
    expect(hints()).toHaveLength(1)
    expect(setup.store.report!.review).toMatchObject({
      'FORMAT:overview-topics': { status: 'dismissed', reason: '乡镇不开展社会评议，已在第六部分说明' }
    })
    expect(wrapper.find('[data-testid="reviewed"] summary').text()).toContain('已忽略 1 条')
    setup.store.undo()
    await nextTick()
    expect(hints()).toHaveLength(2)
    expect(setup.store.report!.review).toBeUndefined()
    setup.store.redo()
    await nextTick()
    await wrapper.find('[data-testid="reviewed"] [data-testid="reopen"]').trigger('click')
    expect(hints()).toHaveLength(2)
    expect(setup.store.report!.review).toBeUndefined()
  })
})

describe('ready sentences', () => {
  it('offers the sentence of a filled table and inserts it with one click, one undo step', async () => {
    const report = withSection(consistentReport(), 'requests', '')
    const setup = freshStore(report, { previous: withValues(previousReport(report), { 't3.new.total': 30 }) })
    wrapper = mount(SentenceSuggestions, { props: { section: 'requests' }, global: { plugins: [setup.pinia] } })
    const item = wrapper.find('[data-testid="suggestion"]')
    expect(item.text()).toContain('本年度共收到政府信息公开申请39件，较上年增加9件（增长30%）')
    await item.find('[data-testid="insert-suggestion"]').trigger('click')
    expect(setup.store.report!.sections.requests).toMatch(/^本年度共收到政府信息公开申请39件，较上年增加9件/)
    // The sentence is in: the button says so, and its figures agree with the table.
    expect(wrapper.find('[data-testid="insert-suggestion"]').text()).toBe('已在正文中')
    expect(setup.store.findings.filter((f) => f.rule === 'P5')).toEqual([])
    setup.store.undo()
    expect(setup.store.report!.sections.requests).toBe('')
  })

  it('adds the sentence as its own paragraph after the officer’s text', () => {
    const { store } = freshStore(consistentReport())
    store.insertSentence('review', '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。')
    expect(store.report!.sections.review.split('\n').at(-1)).toBe('本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。')
  })

  it('shows nothing while a figure the sentence needs is blank', () => {
    const setup = freshStore(withValues(consistentReport(), { 't3.carried.total': undefined }))
    wrapper = mount(SentenceSuggestions, { props: { section: 'requests' }, global: { plugins: [setup.pinia] } })
    expect(wrapper.find('[data-testid="suggestions-requests"]').exists()).toBe(false)
  })
})
