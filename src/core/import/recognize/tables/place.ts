/**
 * From readings to values: each row's slots are assigned to its value cells — by count and
 * order, never by the header grid's positions — with run-together digits split by the tables'
 * own identities and 2019 labels mapped as spec §2.1 says. Figures are imported exactly as
 * printed; a blank stays blank.
 */
import { BALANCES, cellId, LABEL_SEPARATOR, leaves, type CellId } from '../../../report/cells'
import { TABLE_2, TABLE_3, TABLE_4, type TableId } from '../../../report/tables'
import { confidenceOf, type Backing } from '../../certainty'
import { SPLIT_ROW_SHARE, SPLIT_STEP_BUDGET } from '../../limits'
import type { Generation, ImportedValue, Suggestion, ValueFlag, ValueMethod, ValueSource } from '../../types'
import type { Reading } from './assemble'
import { StepBudget } from './budget'
import { BLOCK_COLUMNS_2019, UNDIVIDED_GROUPS } from './format2019'
import { solveJointly, type Evidence, type Relation, type Run, type RunOutcome } from './jointSplit'
import { isDigitString, removeSpaces } from './normalize'
import { splitDigits, type SplitGroup } from './runTogether'
import { placeOrphans, type Orphan } from './orphans'
import { officialPositions, select } from './selectSlots'
import { TARGETS, type Target } from './targets'

/** Mapping factor of a value mapped from a 2019 label onto today's cell. */
const MAPPED_FACTOR = 0.8
/** Mapping factor of the undivided （六）其他处理 put into 3.其他. */
const UNDIVIDED_FACTOR = 0.7
/** Mapping factor of the old row name 规范性文件 printed in a 2021 table: the same row. */
const RENAMED_FACTOR = 0.95

/** Every identity of the tables, as the joint split reads them. */
export const TABLE_RELATIONS: readonly Relation[] = BALANCES.map((b) => ({ left: b.left, right: b.right, kind: 'eq' as const }))

export interface PlaceOptions {
  /** Figures the narrative states, to choose among splits the identities leave open. */
  evidence?: readonly Evidence[]
  budget?: StepBudget
}

export interface Placed {
  values: ImportedValue[]
  warnings: string[]
  /** Cells whose absence is explained by a warning (printed blank, ambiguous, not in the 2019 format). */
  accounted: Set<CellId>
  /** Figures that could not be placed with certainty, offered for the rows they fit. */
  suggestions: Suggestion[]
}

interface Emit {
  /** Label score and mapping factors: what a clean read would be multiplied by. */
  factors: number[]
  flags: ValueFlag[]
  note?: string
}

interface PendingSplit {
  /** Cell per position; undefined for a printed column with no cell today. */
  cells: (CellId | undefined)[]
  run: Run
  tokens: string[]
  source: ValueSource
  row: string
  emits: Emit[]
}

const CLEAN: Emit = { factors: [], flags: [] }
/** Factor of a figure read through look-alike characters (OCR's O for 0, l for 1). */
const MISREAD_FACTOR = 0.8

function misread(emit: Emit, note: string): Emit {
  return {
    factors: [...emit.factors, MISREAD_FACTOR],
    flags: [...new Set<ValueFlag>([...emit.flags, 'review'])],
    note: [emit.note, note].filter(Boolean).join('；')
  }
}

const T3_COLUMNS = leaves(TABLE_3.columns).map((l) => l.node.key)
const T4_COLUMNS = leaves(TABLE_4.columns).map((l) => l.node.key)
const T4_GROUPS = leaves(TABLE_4.rows).map((l) => l.node.key)
const TABLE_NAMES: Record<TableId, string> = { t2: TABLE_2.name, t3: TABLE_3.name, t4: TABLE_4.name }

function quoted(table: TableId, path: readonly string[]): string {
  return `${TABLE_NAMES[table]}「${path.join(LABEL_SEPARATOR)}」`
}

function rowTarget(table: TableId, key: string): Target {
  return TARGETS.find((t) => t.kind === 'row' && t.table === table && t.key === key && !t.from2019)!
}

function columnTarget(table: TableId, key: string, block?: string): Target {
  return TARGETS.find(
    (t) => t.kind === 'column' && t.table === table && t.key === key && (!block || t.blocks.includes(block))
  )!
}

function columnLabel(target: Target): string {
  return target.path.at(-1) ?? target.key
}


export function placeReadings(readings: readonly Reading[], generation: Generation, options: PlaceOptions = {}): Placed {
  const budget = options.budget ?? new StepBudget(SPLIT_STEP_BUDGET)
  const values = new Map<CellId, ImportedValue>()
  const warnings: string[] = []
  const accounted = new Set<CellId>()
  const pending: PendingSplit[] = []
  // The same remark on many rows (an extra column all the way down) is said once.
  const rowNotes = new Map<string, string[]>()
  const noteRow = (note: string, row: string) => rowNotes.set(note, [...(rowNotes.get(note) ?? []), row])

  const set = (id: CellId, value: number, source: ValueSource, emit: Emit, method: ValueMethod = 'read', backing: Backing = 'label') => {
    const before = values.get(id)
    const confidence = confidenceOf(method, backing, emit.factors)
    // A reading under an exact label outranks one under a label only like it (a statistics table of
    // the narrative whose “行政许可信息” row precedes 表二): the first of equals is kept.
    if (before && before.confidence >= confidence) {
      if (before.value !== value) {
        warnings.push(`${describe(id)}出现两次，数值不同（${before.value} 与 ${value}），保留先出现的 ${before.value}`)
      }
      return
    }
    if (before && before.value !== value) {
      warnings.push(`${describe(id)}出现两次，数值不同（${before.value} 与 ${value}），保留标签相符的 ${value}`)
    }
    values.set(id, {
      cell: id,
      value,
      method,
      confidence,
      source,
      flags: [...emit.flags],
      ...(emit.note ? { note: emit.note } : {})
    })
  }

  /**
   * Assign selected slots to cells (undefined: a printed column with no cell today), or split
   * their digits; `shape` gives the identities, `emits` each cell's confidence and flags.
   */
  const fill = (
    reading: Reading,
    cells: readonly (CellId | undefined)[],
    shape: readonly SplitGroup[],
    row: string,
    emits: readonly Emit[],
    /** Positions whose figure may be negative (a 2019 本年增/减); counts never are. */
    signed: readonly boolean[] = []
  ) => {
    // Empty cells only, not as many as the row has: a header row's leftovers, not a blank row.
    // Layout debris (a column no row of the block prints a figure in) does not count: a blank row
    // under a misaligned header grid is still a blank row, to be said so.
    const printsFigures = reading.slots.some((s) => s.value !== undefined)
    const columns = reading.valueColumns
    const counted = columns?.size ? reading.slots.filter((s) => s.column === undefined || columns.has(s.column)) : reading.slots
    if (!printsFigures && counted.length !== cells.length) return
    const totalLast = shape.length === 1 && shape[0]!.totalLast
    const selection = select(reading.slots, cells.length, reading, official.get(reading), totalLast)
    if ('problem' in selection) {
      warnings.push(`${row}${selection.problem}`)
      return
    }
    if ('slots' in selection) {
      if (selection.note) noteRow(selection.note, row)
      const blanks: string[] = []
      selection.slots.forEach((slot, i) => {
        const id = cells[i]
        if (!id) return
        if (slot.value === undefined) {
          blanks.push(describeColumn(id))
          accounted.add(id)
        } else {
          const emit = slot.derived ? misread(emits[i]!, slot.derived) : emits[i]!
          // A note printed in the cell after the figure is kept with the value.
          set(id, slot.value, slot.source, slot.note ? { ...emit, note: [emit.note, `单元格注：${slot.note}`].filter(Boolean).join('；') } : emit)
        }
      })
      if (blanks.length) warnings.push(`${row}「${blanks.join('、')}」空白，可能为 0，已留空`)
      return
    }
    const first = reading.slots[0]!
    const source: ValueSource = { ...first.source, text: reading.slots.map((s) => s.text).join(' ') }
    const enumerated = splitDigits(selection.tokens, shape, budget.slice(SPLIT_STEP_BUDGET * SPLIT_ROW_SHARE))
    const candidates = enumerated.candidates.filter((c) => c.every((v, i) => v >= 0 || signed[i]))
    const keys = cells.map((id, i) => id ?? `${row}#${pending.length}:${i}`)
    pending.push({
      cells: [...cells],
      run: { keys, candidates, complete: enumerated.complete },
      tokens: selection.tokens,
      source,
      row,
      emits: [...emits]
    })
  }

  const official = officialPositions(
    readings.filter((r) => r.table === 't3' && r.fromTable),
    T3_COLUMNS.length
  )
  const orphans: Record<'t3' | 't4', Orphan[]> = { t3: [], t4: [] }
  readings.forEach((reading, order) => {
    if (!reading.target && (reading.unlabelled || reading.table === 't3')) adopt(reading, order)
    else if (reading.table === 't3') placeT3(reading)
    else if (reading.table === 't4') placeT4(reading)
    else placeT2(reading)
  })
  const suggestionsOut: Suggestion[] = []
  const unsplittable: PendingSplit[] = []
  resolvePending()
  const suggestions: Suggestion[] = suggestionsOut
  for (const which of ['t3', 't4'] as const) {
    const known = new Map([...values].map(([id, v]) => [id, v.value]))
    const labelled = readings.flatMap((r, order) => (r.table === which && r.target ? [{ order, key: r.target.key }] : []))
    const result = placeOrphans(which, orphans[which], labelled, known, accounted)
    for (const p of result.placed) set(p.cell, p.value, p.source, { factors: [], flags: ['placed'], note: p.note }, 'placed', p.backing)
    suggestions.push(...result.suggestions)
    warnings.push(...result.warnings)
  }
  for (const [note, rows] of rowNotes) {
    warnings.push(rows.length === 1 ? `${rows[0]}${note}` : `${rows[0]}等 ${rows.length} 行${note}`)
  }
  return { values: [...values.values()], warnings, accounted, suggestions }

  /**
   * A row of figures without a recognised label: kept as an orphan of the table its shape and
   * context say, to be placed by order and arithmetic (orphans.ts) — never dropped.
   */
  function adopt(reading: Reading, order: number): void {
    const printed = reading.slots.filter((s) => s.value !== undefined)
    if (printed.length === 0 && reading.slots.length === 0) return
    // 表四's whole value row (three groups of five, each total the sum of its four) with its header lost.
    const strip = T4_GROUPS.length * T4_COLUMNS.length
    if (printed.length === strip && reading.slots.length === strip) {
      const figures = printed.map((s) => s.value!)
      const groups = T4_GROUPS.map((_, g) => figures.slice(g * T4_COLUMNS.length, (g + 1) * T4_COLUMNS.length))
      if (groups.every((g) => g.slice(0, -1).reduce((a, b) => a + b, 0) === g.at(-1))) {
        const text = reading.slots.map((s) => s.text).join(' ')
        groups.forEach((g) => orphans.t4.push({ order, label: reading.label, candidates: [g], source: { ...printed[0]!.source, text } }))
        return
      }
    }
    const which: 't3' | 't4' =
      reading.table === 't4' || (reading.contextless && printed.length === T4_COLUMNS.length) ? 't4' : 't3'
    const size = which === 't3' ? T3_COLUMNS.length : T4_COLUMNS.length
    const selection = select(reading.slots, size, reading, undefined, true)
    let candidates: number[][] = []
    if ('slots' in selection && selection.slots.every((s) => s.value !== undefined)) candidates = [selection.slots.map((s) => s.value!)]
    else if ('tokens' in selection) {
      const split = splitDigits(selection.tokens, [{ size, totalLast: true }], budget.slice(SPLIT_STEP_BUDGET * SPLIT_ROW_SHARE))
      if (split.complete) candidates = split.candidates
    }
    const text = reading.slots.map((s) => s.text).join(' ')
    if (candidates.length === 0 || candidates.length > 4) {
      const name = which === 't3' ? '表三' : '表四'
      warnings.push(`${name}中有一行数字（${text}）行标签${reading.label ? `“${reading.label}”无法识别` : '缺失'}，数字个数或合计关系不符，未放入表格，请对照原文填写`)
      return
    }
    orphans[which].push({ order, label: reading.label, candidates, source: { ...reading.slots[0]!.source, text } })
  }

  function fuzzyEmit(reading: Reading, target: Target, base: Emit): Emit {
    if (reading.score >= 1) return base
    const note = `行标签印作“${reading.label}”，按“${target.path.at(-1) ?? ''}”识别`
    return {
      factors: [...base.factors, reading.score],
      flags: [...new Set<ValueFlag>([...base.flags, 'review'])],
      note: base.note ? `${base.note}；${note}` : note
    }
  }

  function placeT3(reading: Reading): void {
    const target = reading.target!
    let rowKey = target.key
    let emit: Emit = CLEAN
    if (!target.leaf) {
      // The group printed as one row stands for its sub-rows only when they are not printed too;
      // otherwise it is a subtotal row the format does not have.
      const divided = readings.some((r) => r.table === 't3' && r.target?.parents.includes(target.key))
      const undivided = divided ? undefined : UNDIVIDED_GROUPS[target.key]
      if (!undivided) {
        warnings.push(`${quoted('t3', target.path)}印有小计数字，现行格式无此行，未导入`)
        return
      }
      rowKey = undivided.into
      emit = { factors: [UNDIVIDED_FACTOR], flags: ['mapped-2019'], note: undivided.note }
      for (const sibling of TARGETS.filter((t) => t.table === 't3' && t.parents.at(-1) === target.key)) {
        if (sibling.key === rowKey) continue
        T3_COLUMNS.forEach((c) => accounted.add(cellId('t3', sibling.key, c)))
      }
      warnings.push(`${quoted('t3', target.path)}未分项${generation === '2021' ? '（按 2019 年格式印制）' : ''}：${undivided.note}`)
    }
    const row = quoted('t3', rowTarget('t3', rowKey).path)
    fill(
      reading,
      T3_COLUMNS.map((c) => cellId('t3', rowKey, c)),
      [{ size: T3_COLUMNS.length, totalLast: T3_COLUMNS.at(-1) === 'total' }],
      row,
      T3_COLUMNS.map(() => fuzzyEmit(reading, target, emit))
    )
  }

  function placeT4(reading: Reading): void {
    const target = reading.target
    const order = headerOrder(reading.header.filter((h) => h.table === 't4'), T4_COLUMNS)
    const shapeOf = (groups: readonly string[]) =>
      groups.map(() => ({ size: order.length, totalLast: order.at(-1) === 'total' }))
    let groups = target ? leavesOf(target) : T4_GROUPS
    // A whole value row attached to a header label (行政复议 … 复议后起诉) is still the whole row.
    const whole = T4_GROUPS.length * order.length
    const tokens = reading.slots.map((s) => removeSpaces(s.text))
    if (reading.slots.length === whole) groups = T4_GROUPS
    else if (groups !== T4_GROUPS && reading.slots.length < groups.length * order.length) {
      const fits =
        reading.slots.every((s) => isDigitString(s.text)) &&
        splitDigits(tokens, shapeOf(groups), budget.slice(SPLIT_STEP_BUDGET * SPLIT_ROW_SHARE)).candidates.length > 0
      if (!fits) groups = T4_GROUPS
    }
    const cells = groups.flatMap((g) => order.map((c) => cellId('t4', g, c)))
    const row = target && groups !== T4_GROUPS ? quoted('t4', target.path) : '表四'
    const shape = shapeOf(groups)
    const emit = target ? fuzzyEmit(reading, target, CLEAN) : CLEAN
    fill(reading, cells, shape, row, cells.map(() => emit))
  }

  function placeT2(reading: Reading): void {
    const target = reading.target
    if (!target) {
      if (reading.slots.some((s) => s.value !== undefined)) {
        warnings.push(`表二中有一行数字（${reading.slots.map((s) => s.text).join(' ')}）行标签${reading.label ? `“${reading.label}”无法识别` : '缺失'}，未导入`)
      }
      return
    }
    const block = target.blocks[0]!
    const row = quoted('t2', target.path)
    const printed = reading.slots.filter((s) => s.value !== undefined)
    if (target.from2019?.unmapped) {
      if (printed.length) warnings.push(`${row}（2019 年格式）${target.from2019.unmapped}`)
      return
    }
    const rowKey = target.from2019?.to ?? target.key
    const official = rowTarget('t2', rowKey)
    let emit: Emit = CLEAN
    if (target.from2019?.to) {
      emit =
        generation === '2021'
          ? { factors: [RENAMED_FACTOR], flags: ['review'], note: `行名印作“${target.path.at(-1)}”，按“${official.path.at(-1)}”导入` }
          : { factors: [MAPPED_FACTOR], flags: ['mapped-2019'], note: `2019 年格式“${target.path.at(-1)}”按“${official.path.at(-1)}”导入` }
    }
    const columns = t2Columns(reading, block)
    const cells = columns.map((c) => (c.from2019 ? c.from2019.to : c.key)).map((k) => (k ? cellId('t2', rowKey, k) : undefined))
    const rowName = quoted('t2', official.path)
    const selection = select(reading.slots, columns.length, reading, undefined, false)
    // 2019 columns without a target: say what was left out, once per row.
    if ('slots' in selection) {
      const dropped = columns
        .map((c, i) => ({ c, slot: selection.slots[i] }))
        .filter(({ c, slot }) => c.from2019?.unmapped && slot?.value !== undefined)
      const reasons = new Map<string, string[]>()
      for (const { c, slot } of dropped) {
        const reason = c.from2019!.unmapped!
        reasons.set(reason, [...(reasons.get(reason) ?? []), `“${columnLabel(c)}”（${slot!.text}）`])
      }
      for (const [reason, printedColumns] of reasons) {
        warnings.push(`${rowName}：2019 年格式的${printedColumns.join('、')}${reason}`)
      }
    }
    // Read under the 2019 header: today's columns it has no figure for stay blank, said once.
    if (columns.some((c) => c.from2019)) {
      const absent = leavesOfBlock(block).filter((k) => !cells.includes(cellId('t2', rowKey, k)))
      absent.forEach((k) => accounted.add(cellId('t2', rowKey, k)))
      if (absent.length) {
        warnings.push(`${rowName}：2019 年格式没有${absent.map((k) => `“${columnLabel(columnTarget('t2', k, block))}”`).join('')}栏目，留空`)
      }
    }
    const rowEmit = fuzzyEmit(reading, target, emit)
    const columnEmit = (c: Target): Emit => {
      if (!c.from2019?.to) return rowEmit
      const mapping = `2019 年格式“${columnLabel(c)}”按“${columnLabel(columnTarget('t2', c.from2019.to, block))}”导入`
      return {
        factors: [...rowEmit.factors, MAPPED_FACTOR],
        flags: [...new Set<ValueFlag>([...rowEmit.flags, 'mapped-2019'])],
        note: [...new Set([rowEmit.note, mapping].filter(Boolean))].join('；')
      }
    }
    // No identity holds inside a 表二 row: a run-together row is split only when one way is possible.
    fill(
      reading,
      cells,
      [{ size: cells.length, totalLast: false }],
      rowName,
      columns.map(columnEmit),
      columns.map((c) => c.from2019?.signed === true)
    )
  }

  /** The columns a 表二 row's figures stand in: the header printed above it, else the format's. */
  function t2Columns(reading: Reading, block: string): Target[] {
    const header = reading.header.filter((h) => h.table === 't2')
    if (header.length && header.every((h) => h.blocks.includes(block))) return header
    if (generation === '2019') {
      return (BLOCK_COLUMNS_2019[block] ?? []).map(
        (label) => TARGETS.find((t) => t.kind === 'column' && t.from2019 && t.path[0] === label)!
      )
    }
    return leavesOfBlock(block).map((k) => columnTarget('t2', k, block))
  }

  function resolvePending(): void {
    const known = new Map<string, number>()
    for (const [id, v] of values) known.set(id, v.value)
    const outcomes = solveJointly(
      pending.map((p) => p.run),
      known,
      TABLE_RELATIONS,
      budget,
      options.evidence ?? []
    )
    pending.forEach((split, k) => settle(split, outcomes[k]!))
    // With every other row settled, a row whose own total fails may still be read off the columns.
    for (const split of unsplittable) {
      const offer = despiteTotal(split)
      warnings.push(
        `${split.row}数字连写“${split.tokens.join(' ')}”，找不到符合合计关系的拆分，已留空${offer ? `；按各列勾稽关系可拆为 ${offer.join('|')}（本行合计与各项之和不符，原文如此），已列为建议` : ''}`
      )
    }
  }

  /**
   * A row whose printed total is not the sum of its parts (the report's own slip) splits no way
   * under its total: the other rows' identities may still single out its parts. Offered, never
   * applied: the total as printed is kept for the officer to see.
   */
  function despiteTotal(split: PendingSplit): number[] | undefined {
    const cells = split.cells.filter((id): id is CellId => id !== undefined)
    if (cells.length !== split.cells.length) return undefined
    const total = cells.find((id) => id.endsWith('.total'))
    if (!total) return undefined
    const loose = splitDigits(split.tokens, [{ size: cells.length, totalLast: false }], budget.slice(SPLIT_STEP_BUDGET * SPLIT_ROW_SHARE))
    if (!loose.complete || loose.candidates.length === 0) return undefined
    const known = new Map([...values].map(([id, v]) => [id, v.value] as [string, number]))
    const own: readonly string[] = cells
    const relations = TABLE_RELATIONS.filter((r) => ![...r.left, ...r.right].includes(total))
    const crossing = relations.filter((r) => [...r.left, ...r.right].some((id) => own.includes(id)) && [...r.left, ...r.right].some((id) => !own.includes(id)))
    if (crossing.length === 0) return undefined
    const [outcome] = solveJointly([{ keys: cells, candidates: loose.candidates, complete: true }], known, relations, budget)
    if (!outcome || outcome.values.some((v) => v === undefined)) return undefined
    const figures = outcome.values as number[]
    suggestionsOut.push({
      cells,
      values: figures,
      reason: `原文“${split.tokens.join(' ')}”的合计与各项之和不符，按本行合计拆不开；按各列勾稽关系可拆为 ${figures.join('|')}`,
      source: split.source
    })
    return figures
  }

  function settle(split: PendingSplit, outcome: RunOutcome): void {
    const printed = `“${split.tokens.join(' ')}”`
    const how =
      outcome.basis === 'narrative'
        ? `由连写数字${printed}拆分：符合合计关系的拆分不止一种，按正文“${outcome.quotes.join('；')}”确定`
        : outcome.basis === 'joint'
          ? `由连写数字${printed}按本行合计及各列勾稽关系拆分`
          : `由连写数字${printed}按${split.cells.length > 1 && split.run.candidates.length ? '本行合计关系' : '唯一可能的写法'}拆分`
    const backing: Backing = outcome.basis ?? 'row'
    const decided: string[] = []
    const open: string[] = []
    split.cells.forEach((id, i) => {
      if (!id) return
      const value = outcome.values[i]
      if (value === undefined) {
        open.push(describeColumn(id))
        accounted.add(id)
        return
      }
      decided.push(describeColumn(id))
      const emit = split.emits[i]!
      set(id, value, split.source, {
        factors: emit.factors,
        flags: [...new Set<ValueFlag>([...emit.flags, 'split'])],
        note: [how, emit.note].filter(Boolean).join('；')
      }, 'derived', backing)
    })
    if (open.length === 0) return
    const run = split.tokens.join(' ')
    if (outcome.problem === 'budget') {
      warnings.push(`${split.row}数字连写“${run}”可能的拆分过多，超出计算上限，已留空`)
    } else if (outcome.problem === 'none' || outcome.openCount === 0) {
      const runTogether = split.tokens.some((t) => t.length > 1)
      if (runTogether) unsplittable.push(split)
      else warnings.push(`${split.row}只有 ${split.tokens.length} 个数值，应为 ${split.cells.length} 个，已留空`)
    } else {
      const shown = outcome.open.map((c) => c.join('|'))
      const which = decided.length ? `，其中「${open.join('、')}」` : '，'
      warnings.push(
        `${split.row}数字连写“${run}”有 ${outcome.openCount} 种可能的拆分（如 ${shown.join('；')}）${which}无法确定，已留空`
      )
    }
  }
}

function leavesOf(target: Target): string[] {
  const below = TARGETS.filter((t) => t.table === target.table && t.kind === 'row' && t.leaf && (t.key === target.key || t.parents.includes(target.key)))
  return below.map((t) => t.key)
}

function leavesOfBlock(block: string): string[] {
  const def = TABLE_2.blocks.find((b) => b.key === block)
  return def ? leaves(def.columns).map((l) => l.node.key) : []
}

/** The value columns in the order a header printed them, when it printed all of them once. */
function headerOrder(header: readonly Target[], official: readonly string[]): string[] {
  const keys = header.map((h) => h.key).filter((k) => official.includes(k))
  const first = keys.slice(0, official.length)
  return new Set(first).size === official.length ? first : [...official]
}

function describe(id: CellId): string {
  const [table, row] = id.split('.') as [TableId, string]
  return `${quoted(table, rowTarget(table, row).path)}「${describeColumn(id)}」`
}

function describeColumn(id: CellId): string {
  const [table, , column] = id.split('.') as [TableId, string, string]
  return columnLabel(columnTarget(table, column))
}

