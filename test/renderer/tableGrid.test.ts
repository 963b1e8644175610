/** The table grids: official merged layout, keyboard moves, typing, paste and filling totals. */
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { cellId, type CellId } from '@core/report/cells'
import { TABLE_2, TABLE_3, TABLE_4, type TableDef } from '@core/report/tables'
import { tableLayout } from '@core/report/layout'
import { gridModel, noteSides } from '../../src/renderer/src/components/editor/gridModel'
import TableGrid from '../../src/renderer/src/components/editor/TableGrid.vue'
import { cellInput, freshStore, pasteEvent } from './editor-support'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function mountGrid(table: TableDef, setup = freshStore()) {
  wrapper = mount(TableGrid, { props: { table }, global: { plugins: [setup.pinia] }, attachTo: document.body })
  return { wrapper, store: setup.store, root: wrapper.element as HTMLElement }
}

/** The header cell showing a label, by its text. */
function headerCell(root: HTMLElement, text: string): HTMLTableCellElement {
  const cell = [...root.querySelectorAll('th')].find((th) => th.textContent?.trim() === text)
  if (!cell) throw new Error(`no header cell ${text}`)
  return cell
}

function type(root: HTMLElement, id: CellId, raw: string): HTMLInputElement {
  const input = cellInput(root, id)
  input.focus()
  input.value = raw
  input.dispatchEvent(new Event('input', { bubbles: true }))
  return input
}

function press(key: string, init: KeyboardEventInit = {}): void {
  const target = document.activeElement
  if (!target) throw new Error('nothing focused')
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }))
}

const focusedCell = (): string | undefined => (document.activeElement as HTMLElement | null)?.dataset.cellId

const t3 = (row: string, column: string): CellId => cellId('t3', row, column)

describe('official layout', () => {
  it('draws 表三 with its merged headers and labels', () => {
    const { root } = mountGrid(TABLE_3)
    expect(root.querySelectorAll('thead tr')).toHaveLength(3)
    expect(root.querySelectorAll('tbody tr')).toHaveLength(25)
    const result = headerCell(root, '三、本年度办理结果')
    expect(result.rowSpan).toBe(22)
    expect(headerCell(root, '申请人情况').colSpan).toBe(7)
    expect(headerCell(root, '法人或其他组织').colSpan).toBe(5)
    expect(headerCell(root, '自然人').rowSpan).toBe(2)
    expect(headerCell(root, '（三）不予公开').rowSpan).toBe(8)
    expect(headerCell(root, '一、本年新收政府信息公开申请数量').colSpan).toBe(3)
    expect(headerCell(root, '（一）予以公开').colSpan).toBe(2)
    expect(root.querySelector('.table-grid__corner')?.textContent).toContain('第一项加第二项之和')
    // 商业⏎企业 keeps the template's line break; the note of （二）部分公开 is printed with it.
    expect([...headerCell(root, '商业企业').querySelectorAll('.layout-label__line')].map((s) => s.textContent)).toEqual([
      '商业',
      '企业'
    ])
    expect(root.textContent).toContain('（区分处理的，只计这一情形，不计其他情形）')
    expect(root.querySelectorAll('input')).toHaveLength(25 * 7)
    // Label cells are read-only: only value cells have inputs, each named by its official labels.
    expect(cellInput(root, t3('stateSecret', 'natural')).getAttribute('aria-label')).toBe(
      '表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」「自然人」'
    )
  })

  it('draws 表四 as column groups over one value row, and 表二 block by block', () => {
    const four = mountGrid(TABLE_4)
    expect(headerCell(four.root, '行政诉讼').colSpan).toBe(10)
    expect(headerCell(four.root, '未经复议直接起诉').colSpan).toBe(5)
    expect(four.root.querySelectorAll('col')).toHaveLength(15)
    expect(four.root.querySelectorAll('tbody tr')).toHaveLength(1)
    expect(four.root.querySelectorAll('input')).toHaveLength(15)
    four.wrapper.unmount()

    const two = mountGrid(TABLE_2)
    expect(headerCell(two.root, '第二十条第（一）项').colSpan).toBe(4)
    const license = cellInput(two.root, cellId('t2', 'license', 'decisions')).closest('td')!
    expect(license.colSpan).toBe(3)
    expect(two.root.querySelectorAll('input')).toHaveLength(10)
    // 表二 has no totals: no fill button.
    expect(two.root.querySelector('[data-testid="fill-totals-t2"]')).toBeNull()
  })
})

describe('keyboard', () => {
  it('Tab and Shift-Tab follow reading order, Enter goes down, Shift+Enter up', () => {
    const { root } = mountGrid(TABLE_3)
    cellInput(root, t3('new', 'otherOrg')).focus()
    press('Tab')
    expect(focusedCell()).toBe(t3('new', 'total'))
    press('Tab')
    expect(focusedCell()).toBe(t3('carried', 'natural'))
    press('Tab', { shiftKey: true })
    expect(focusedCell()).toBe(t3('new', 'total'))
    press('Enter')
    expect(focusedCell()).toBe(t3('carried', 'total'))
    press('Enter')
    expect(focusedCell()).toBe(t3('public', 'total'))
    press('Enter', { shiftKey: true })
    expect(focusedCell()).toBe(t3('carried', 'total'))
  })

  it('Tab past the last cell leaves the table to the browser', () => {
    const { root } = mountGrid(TABLE_4)
    cellInput(root, cellId('t4', 'afterReview', 'total')).focus()
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true })
    document.activeElement!.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(false)
  })

  it('arrows move between cells, left/right only from the edge of the text', () => {
    const setup = freshStore()
    setup.store.setCell(t3('public', 'business'), 123)
    const { root } = mountGrid(TABLE_3, setup)
    const input = cellInput(root, t3('public', 'business'))
    input.focus()
    input.setSelectionRange(1, 1)
    press('ArrowRight')
    expect(focusedCell()).toBe(t3('public', 'business'))
    input.setSelectionRange(3, 3)
    press('ArrowRight')
    expect(focusedCell()).toBe(t3('public', 'research'))
    press('ArrowLeft')
    expect(focusedCell()).toBe(t3('public', 'business'))
    press('ArrowDown')
    expect(focusedCell()).toBe(t3('partial', 'business'))
    press('ArrowDown')
    expect(focusedCell()).toBe(t3('stateSecret', 'business'))
    press('ArrowUp')
    press('ArrowUp')
    press('ArrowUp')
    expect(focusedCell()).toBe(t3('carried', 'business'))
    press('End', { ctrlKey: true })
    expect(focusedCell()).toBe(t3('carryOver', 'total'))
  })

  it('Enter in 表二 goes down through merged value cells', () => {
    const { root } = mountGrid(TABLE_2)
    cellInput(root, cellId('t2', 'normative', 'inForce')).focus()
    press('Enter')
    expect(focusedCell()).toBe(cellId('t2', 'license', 'decisions'))
    press('Enter')
    expect(focusedCell()).toBe(cellId('t2', 'penalty', 'decisions'))
  })
})

describe('typing', () => {
  it('writes a valid value to the store and updates the findings in the same tick', () => {
    const { root, store } = mountGrid(TABLE_3)
    const before = store.findings.filter((f) => f.rule === 'R2').length
    type(root, t3('new', 'natural'), '12')
    expect(store.report?.values[t3('new', 'natural')]).toBe(12)
    // 总计 is blank, the row now has a part: R2 says what the total should be, synchronously.
    type(root, t3('new', 'total'), '11')
    const r2 = store.findings.filter((f) => f.rule === 'R2')
    expect(r2.length).toBe(before + 1)
    expect(r2[0]!.message).toContain('应为 12')
    type(root, t3('new', 'total'), '12')
    expect(store.findings.filter((f) => f.rule === 'R2')).toHaveLength(before)
  })

  it.each(['十二', '-3', '1.5'])('refuses “%s”, keeps it visible with a message, writes nothing', async (raw) => {
    const { root, store, wrapper } = mountGrid(TABLE_3)
    type(root, t3('new', 'natural'), '7')
    const input = type(root, t3('new', 'natural'), raw)
    await wrapper.vm.$nextTick()
    expect(store.report?.values[t3('new', 'natural')]).toBe(7)
    expect(store.rejected.get(t3('new', 'natural'))?.message).toContain('不是有效数值')
    const td = input.closest('td')!
    expect(td.classList).toContain('value-cell--invalid')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.value).toBe(raw)
    const note = document.getElementById(input.getAttribute('aria-describedby')!)
    expect(note?.textContent).toContain('不小于 0 的整数')
    // Leaving the cell keeps the refused text on screen.
    input.blur()
    await wrapper.vm.$nextTick()
    expect(input.value).toBe(raw)
    // Escape drops it and shows the stored value again.
    input.focus()
    press('Escape')
    await wrapper.vm.$nextTick()
    expect(store.rejected.size).toBe(0)
    expect(input.value).toBe('7')
  })

  it('blank clears the cell (blank is not 0)', () => {
    const { root, store } = mountGrid(TABLE_3)
    type(root, t3('new', 'natural'), '0')
    expect(store.report?.values[t3('new', 'natural')]).toBe(0)
    type(root, t3('new', 'natural'), '  ')
    expect(t3('new', 'natural') in store.report!.values).toBe(false)
  })

  it('shows the severity marker of a finding on its cell', async () => {
    const { root, wrapper } = mountGrid(TABLE_3)
    type(root, t3('new', 'natural'), '3')
    type(root, t3('new', 'total'), '4')
    await wrapper.vm.$nextTick()
    expect(cellInput(root, t3('new', 'total')).closest('td')!.classList).toContain('value-cell--error')
  })

  it('opens the note of a cell near the table’s edge inwards, so the scroll area does not cut it off', async () => {
    const { root, wrapper } = mountGrid(TABLE_3)
    type(root, t3('new', 'natural'), '3')
    type(root, t3('new', 'total'), '4')
    type(root, t3('new', 'natural'), 'x')
    await wrapper.vm.$nextTick()
    const noteOf = (id: CellId) => document.getElementById(cellInput(root, id).getAttribute('aria-describedby')!)!
    // 总计 is the last column: its note runs leftwards from the cell's right edge.
    expect(noteOf(t3('new', 'total')).classList).toContain('value-cell__note--end')
    // 自然人 sits mid-table: centred under the cell as before.
    expect(noteOf(t3('new', 'natural')).classList).toContain('value-cell__note--center')
  })

  it('opens 表四’s first column notes rightwards and its last leftwards', () => {
    const layout = tableLayout(TABLE_4)
    const sides = noteSides(layout, gridModel(layout).order)
    expect(sides.get(cellId('t4', 'review', 'upheld'))).toBe('start')
    expect(sides.get(cellId('t4', 'afterReview', 'total'))).toBe('end')
  })
})

describe('paste', () => {
  /** A 3×7 block as Excel copies it: CRLF rows, a trailing line break. */
  const BLOCK = ['1\t2\t3\t4\t5\t6\t21', '7\t0\t0\t0\t0\t0\t7', '1,234\t\t0\t0\t0\t0\t1234'].join('\r\n') + '\r\n'

  it('fills a 3×7 block from the focused cell in grid order, as one undo step', async () => {
    const setup = freshStore()
    setup.store.setCell(t3('public', 'business'), 99)
    const { root, store, wrapper } = mountGrid(TABLE_3, setup)
    const from = cellInput(root, t3('new', 'natural'))
    from.focus()
    const event = pasteEvent(BLOCK)
    from.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    const v = store.report!.values
    expect([v[t3('new', 'natural')], v[t3('new', 'otherOrg')], v[t3('new', 'total')]]).toEqual([1, 6, 21])
    expect(v[t3('carried', 'natural')]).toBe(7)
    expect(v[t3('public', 'natural')]).toBe(1234)
    // An empty pasted cell clears its target.
    expect(t3('public', 'business') in v).toBe(false)
    expect(v[t3('public', 'total')]).toBe(1234)
    expect(Object.keys(v)).toHaveLength(20)
    await wrapper.vm.$nextTick()
    expect(root.querySelector('[role="status"]')?.textContent).toContain('已粘贴 21 个单元格')

    expect(store.undo()).toBe(true)
    expect(store.report!.values).toEqual({ [t3('public', 'business')]: 99 })
  })

  it('reports invalid and overflowing entries and writes the rest', async () => {
    const { root, store, wrapper } = mountGrid(TABLE_3)
    const from = cellInput(root, t3('new', 'research'))
    from.focus()
    from.dispatchEvent(pasteEvent('1\t十二\t3\t4\t5\t6\t7\n'))
    const v = store.report!.values
    expect(v[t3('new', 'research')]).toBe(1)
    expect(t3('new', 'welfare') in v).toBe(false)
    expect(v[t3('new', 'total')]).toBe(5)
    expect(store.rejected.get(t3('new', 'welfare'))?.raw).toBe('十二')
    await wrapper.vm.$nextTick()
    const status = root.querySelector('[role="status"]')?.textContent ?? ''
    expect(status).toContain('1 个数值无效')
    expect(status).toContain('2 个数值超出表格范围')
  })

  it('leaves a single value to the input', () => {
    const { root, store } = mountGrid(TABLE_3)
    const from = cellInput(root, t3('new', 'natural'))
    from.focus()
    const event = pasteEvent('12\r\n')
    from.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(false)
    expect(store.report!.values).toEqual({})
  })
})

describe('filling totals', () => {
  it('fills blank totals from their parts and leaves a hand-typed wrong total flagged by R2', async () => {
    const { root, store, wrapper } = mountGrid(TABLE_3)
    type(root, t3('new', 'natural'), '3')
    type(root, t3('new', 'business'), '2')
    type(root, t3('new', 'total'), '4') // typed by hand, wrong
    type(root, t3('carried', 'natural'), '1')
    type(root, t3('carried', 'business'), '1')
    type(root, t3('public', 'natural'), '2')
    await root.querySelector<HTMLButtonElement>('[data-testid="fill-totals-t3"]')!.click()
    await wrapper.vm.$nextTick()
    const v = store.report!.values
    expect(v[t3('carried', 'total')]).toBe(2)
    expect(v[t3('public', 'total')]).toBe(2)
    // （七）总计 per column from the outcome rows, and its 总计 corner from those totals.
    expect(v[t3('resultTotal', 'natural')]).toBe(2)
    expect(v[t3('resultTotal', 'total')]).toBe(2)
    // A column with no outcome filled stays blank: blank is not 0.
    expect(t3('resultTotal', 'business') in v).toBe(false)
    // Never overwritten silently: the hand-typed total stays, and R2 flags it on the cell.
    expect(v[t3('new', 'total')]).toBe(4)
    const r2 = store.findings.find((f) => f.rule === 'R2' && f.target.kind === 'cell' && f.target.cell === t3('new', 'total'))
    expect(r2?.message).toContain('应为 5')
    expect(cellInput(root, t3('new', 'total')).closest('td')!.classList).toContain('value-cell--error')
    expect(root.querySelector('[role="status"]')?.textContent).toContain('1 个已填写的合计与分项之和不符')
    // One undo takes the whole fill back.
    store.undo()
    expect(t3('carried', 'total') in store.report!.values).toBe(false)
    expect(store.report!.values[t3('new', 'total')]).toBe(4)
  })

  it('fills 表四 totals per group', () => {
    const setup = freshStore()
    setup.store.setCells(
      [
        { cell: cellId('t4', 'review', 'upheld'), value: 2 },
        { cell: cellId('t4', 'review', 'pending'), value: 1 },
        { cell: cellId('t4', 'direct', 'corrected'), value: 1 }
      ],
      'test'
    )
    const { root, store } = mountGrid(TABLE_4, setup)
    root.querySelector<HTMLButtonElement>('[data-testid="fill-totals-t4"]')!.click()
    expect(store.report!.values[cellId('t4', 'review', 'total')]).toBe(3)
    expect(store.report!.values[cellId('t4', 'direct', 'total')]).toBe(1)
    expect(cellId('t4', 'afterReview', 'total') in store.report!.values).toBe(false)
  })
})

describe('focus requests', () => {
  it('focuses and highlights the cell a finding points at', async () => {
    const { root, wrapper } = mountGrid(TABLE_3)
    useNavigationStore().focusFinding({ target: { kind: 'cell', cell: t3('carryOver', 'welfare') }, cells: [t3('new', 'welfare')] })
    await wrapper.vm.$nextTick()
    await wrapper.vm.$nextTick()
    expect(focusedCell()).toBe(t3('carryOver', 'welfare'))
    expect(cellInput(root, t3('carryOver', 'welfare')).closest('td')!.classList).toContain('value-cell--target')
    expect(cellInput(root, t3('new', 'welfare')).closest('td')!.classList).toContain('value-cell--related')
  })
})
