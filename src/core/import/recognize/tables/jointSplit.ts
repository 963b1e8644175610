/**
 * Run-together rows split together: each row's own identity gives its candidate splits
 * (runTogether.ts); which of them is the printed one is decided by every other identity of the
 * tables at once — every column's R1 and R3 in 表三, 表四's group totals, the ≤ relations of a
 * pre-2019 table — by a bounded search over all the rows, not row by row. The narrative's own
 * figures (“制发行政规范性文件12件”) are evidence too, used only to choose among splits the
 * identities leave open.
 *
 * A value is decided when it is the same in every solution; where solutions differ the cells stay
 * blank and the candidates are listed. The search counts its steps against a budget: when the
 * budget runs out, nothing it has not proved is decided.
 */
import { StepBudget } from './budget'

/** A row of run-together figures: its cells' keys and the splits its own identity allows. */
export interface Run {
  keys: readonly string[]
  candidates: readonly (readonly number[])[]
  /** False when enumerating the row's splits ran out of budget: the list may be partial. */
  complete: boolean
}

/** Σ left = Σ right (`eq`) or Σ left ≤ Σ right (`le`). */
export interface Relation {
  left: readonly string[]
  right: readonly string[]
  kind: 'eq' | 'le'
}

/** A figure the narrative states: Σ keys is one of `values`. */
export interface Evidence {
  keys: readonly string[]
  values: ReadonlySet<number>
  /** The words quoted, for the note. */
  quote: string
}

export type Basis =
  /** Unique under the row's own identity and the identities it shares with other rows. */
  | 'joint'
  /** Unique under the row's own identity; no other identity could be checked. */
  | 'row'
  /** Several splits fit the identities; the narrative's figures chose. */
  | 'narrative'

export interface RunOutcome {
  /** Per key: the decided value, or undefined. */
  values: (number | undefined)[]
  basis?: Basis
  /** The splits still possible where some value stays open (at most a few, for the message). */
  open: number[][]
  /** How many splits stay possible (a lower bound when the search was cut short). */
  openCount: number
  problem?: 'ambiguous' | 'none' | 'budget'
  /** Quotes of the narrative that decided it. */
  quotes: string[]
}

/** Solutions kept for deciding; past this the open rows are called ambiguous. */
const MAX_SOLUTIONS = 512
/** Candidates listed in a message. */
const SHOWN = 4

interface Compiled {
  constant: number
  /** Per involved run: contribution of each candidate. */
  terms: { run: number; contribution: Int32Array | Float64Array }[]
  kind: 'eq' | 'le'
  /** Whether the relation reaches beyond a single run (a cross-row identity). */
  cross: boolean
}

interface Search {
  /** Per run: candidate indexes seen in some solution. */
  supported: Set<number>[]
  solutions: number[][]
  finished: boolean
  budgetOut: boolean
}

function compile(
  runs: readonly Run[],
  known: ReadonlyMap<string, number>,
  relations: readonly Relation[]
): Compiled[] {
  const where = new Map<string, { run: number; index: number }>()
  runs.forEach((run, r) => run.keys.forEach((key, index) => where.set(key, { run: r, index })))
  const out: Compiled[] = []
  for (const relation of relations) {
    const all = [...relation.left, ...relation.right]
    // A relation with a cell nobody printed cannot be checked.
    if (all.some((key) => !where.has(key) && !known.has(key))) continue
    const involved = [...new Set(all.flatMap((key) => (where.has(key) ? [where.get(key)!.run] : [])))]
    if (involved.length === 0) continue
    let constant = 0
    for (const key of relation.left) if (!where.has(key)) constant += known.get(key)!
    for (const key of relation.right) if (!where.has(key)) constant -= known.get(key)!
    const terms = involved.map((r) => {
      const run = runs[r]!
      const contribution = new Float64Array(run.candidates.length)
      run.candidates.forEach((candidate, k) => {
        let sum = 0
        for (const key of relation.left) {
          const at = where.get(key)
          if (at?.run === r) sum += candidate[at.index]!
        }
        for (const key of relation.right) {
          const at = where.get(key)
          if (at?.run === r) sum -= candidate[at.index]!
        }
        contribution[k] = sum
      })
      return { run: r, contribution }
    })
    const cross = involved.length > 1 || all.some((key) => !where.has(key))
    out.push({ constant, terms, kind: relation.kind, cross })
  }
  return out
}

/** Evidence on run cells, as relations over the runs that must take one of the stated values. */
function compileEvidence(runs: readonly Run[], known: ReadonlyMap<string, number>, evidence: readonly Evidence[]) {
  const where = new Map<string, { run: number; index: number }>()
  runs.forEach((run, r) => run.keys.forEach((key, index) => where.set(key, { run: r, index })))
  return evidence.flatMap((e) => {
    if (e.keys.some((key) => !where.has(key) && !known.has(key))) return []
    const involved = [...new Set(e.keys.flatMap((key) => (where.has(key) ? [where.get(key)!.run] : [])))]
    if (involved.length === 0) return []
    const constant = e.keys.reduce((a, key) => a + (where.has(key) ? 0 : known.get(key)!), 0)
    const value = (run: number, candidate: number) =>
      e.keys.reduce((a, key) => {
        const at = where.get(key)
        return at?.run === run ? a + runs[run]!.candidates[candidate]![at.index]! : a
      }, 0)
    return [{ involved, constant, value, values: e.values, quote: e.quote }]
  })
}

const EPSILON = 1e-9

/** Whether a full solution (a candidate index per run) gives the evidence one of its values. */
function holds(e: ReturnType<typeof compileEvidence>[number], solution: readonly number[]): boolean {
  const total = e.involved.reduce((a, r) => a + e.value(r, solution[r]!), e.constant)
  for (const v of e.values) if (Math.abs(v - total) < EPSILON) return true
  return false
}

function search(
  runs: readonly Run[],
  relations: readonly Compiled[],
  evidence: ReturnType<typeof compileEvidence>,
  budget: StepBudget
): Search {
  const n = runs.length
  const supported = runs.map(() => new Set<number>())
  const solutions: number[][] = []
  // Fewest candidates first: a forced row narrows the others before any choice is made.
  const order = runs.map((_, r) => r).sort((a, b) => runs[a]!.candidates.length - runs[b]!.candidates.length || a - b)
  const byRun: number[][] = runs.map(() => [])
  relations.forEach((rel, i) => rel.terms.forEach((t) => byRun[t.run]!.push(i)))
  const evidenceByRun: number[][] = runs.map(() => [])
  evidence.forEach((e, i) => e.involved.forEach((r) => evidenceByRun[r]!.push(i)))
  // Running state per relation: sum of chosen contributions, and the range the unchosen can add.
  const sum = new Float64Array(relations.length)
  const low = new Float64Array(relations.length)
  const high = new Float64Array(relations.length)
  const range = relations.map((rel) =>
    rel.terms.map((t) => {
      let lo = Infinity
      let hi = -Infinity
      for (const c of t.contribution) {
        lo = Math.min(lo, c)
        hi = Math.max(hi, c)
      }
      return { run: t.run, lo, hi }
    })
  )
  range.forEach((terms, i) => {
    for (const t of terms) {
      low[i] = low[i]! + t.lo
      high[i] = high[i]! + t.hi
    }
  })
  const termOf = relations.map((rel) => new Map(rel.terms.map((t, k) => [t.run, k])))
  const chosen = new Int32Array(n).fill(-1)
  let finished = true
  let budgetOut = false

  const feasible = (i: number): boolean => {
    const rel = relations[i]!
    const need = -(rel.constant + sum[i]!)
    if (rel.kind === 'eq') return need >= low[i]! - EPSILON && need <= high[i]! + EPSILON
    return low[i]! <= need + EPSILON
  }
  const evidenceHolds = (e: (typeof evidence)[number]): boolean => {
    if (e.involved.some((r) => chosen[r]! < 0)) return true
    const total = e.involved.reduce((a, r) => a + e.value(r, chosen[r]!), e.constant)
    for (const v of e.values) if (Math.abs(v - total) < EPSILON) return true
    return false
  }

  const step = (): boolean => {
    if (!finished) return false
    if (budget.step()) return true
    finished = false
    budgetOut = true
    return false
  }
  const shift = (r: number, k: number, sign: 1 | -1): void => {
    for (const i of byRun[r]!) {
      const at = termOf[i]!.get(r)!
      const rg = range[i]![at]!
      sum[i] = sum[i]! + sign * relations[i]!.terms[at]!.contribution[k]!
      low[i] = low[i]! - sign * rg.lo
      high[i] = high[i]! - sign * rg.hi
    }
    chosen[r] = sign > 0 ? k : -1
  }
  const consistent = (r: number): boolean =>
    byRun[r]!.every(feasible) && evidenceByRun[r]!.every((e) => evidenceHolds(evidence[e]!))
  const record = (): void => {
    solutions.push(Array.from(chosen))
    chosen.forEach((k, r) => supported[r]!.add(k))
    if (solutions.length >= MAX_SOLUTIONS) finished = false
  }

  // Depth-first over `order`, with an explicit stack: a table of thousands of runs (a damaged page)
  // must not overflow the call stack. `at[d]` is the candidate applied at depth d, or -1.
  const explore = (): void => {
    if (!step()) return
    const at = new Int32Array(n).fill(-1)
    let depth = 0
    while (depth >= 0) {
      const r = order[depth]!
      if (at[depth]! >= 0) shift(r, at[depth]!, -1)
      let descend = false
      for (let k = at[depth]! + 1; k < runs[r]!.candidates.length && finished; k += 1) {
        shift(r, k, 1)
        at[depth] = k
        if (consistent(r) && step()) {
          if (depth + 1 < n) {
            descend = true
            break
          }
          record()
        }
        shift(r, k, -1)
      }
      if (descend) {
        depth += 1
        continue
      }
      at[depth] = -1
      depth -= 1
    }
  }
  // A run without candidates has no solution: nothing to search.
  if (runs.every((run) => run.candidates.length > 0)) explore()
  return { supported, solutions, finished, budgetOut }
}

/** Per run, per key: the value every solution gives it, or undefined. */
function consensus(runs: readonly Run[], result: Search): (number | undefined)[][] {
  return runs.map((run, r) =>
    run.keys.map((_, index) => {
      const values = new Set(result.solutions.map((s) => run.candidates[s[r]!]![index]!))
      return values.size === 1 ? [...values][0] : undefined
    })
  )
}

function openOf(run: Run, indexes: Iterable<number>): number[][] {
  return [...indexes].slice(0, SHOWN).map((k) => [...run.candidates[k]!])
}

/**
 * Splits the runs together. `known`: values read directly (cells printed apart). Returns one
 * outcome per run, in order.
 */
export function solveJointly(
  runs: readonly Run[],
  known: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  budget: StepBudget,
  evidence: readonly Evidence[] = []
): RunOutcome[] {
  if (runs.length === 0) return []
  const compiled = compile(runs, known, relations)
  const crossOf = runs.map((_, r) => compiled.some((rel) => rel.cross && rel.terms.some((t) => t.run === r)))
  const hard = search(runs, compiled, [], budget)
  if (hard.solutions.length === 0) {
    if (hard.budgetOut) return runs.map((run) => undecided(run, 'budget', run.candidates.length, run.candidates.map((_, k) => k)))
    if (runs.length === 1) return [undecided(runs[0]!, 'none', 0, [])]
    // The printed figures contradict one another somewhere (a misprinted total): each row on its own.
    return alone(runs, known, relations, budget, evidence)
  }
  const decidedHard = consensus(runs, hard)
  let final = hard
  let decided = decidedHard
  let narrative = false
  const open = decidedHard.some((values) => values.some((v) => v === undefined))
  const used: { quote: string; involved: readonly number[] }[] = []
  if (open && hard.finished) {
    // The narrative's figures, one at a time, keep only the solutions they allow; a figure no
    // solution allows (a typo, another year's, a figure of something else) is no evidence.
    let solutions = hard.solutions
    for (const e of compileEvidence(runs, known, evidence)) {
      const kept = solutions.filter((solution) => holds(e, solution))
      if (kept.length > 0 && kept.length < solutions.length) {
        solutions = kept
        used.push(e)
      }
    }
    if (solutions !== hard.solutions) {
      const supported = runs.map((_, r) => new Set(solutions.map((s) => s[r]!)))
      final = { ...hard, solutions, supported }
      decided = consensus(runs, final)
      narrative = true
    }
  }
  return runs.map((run, r): RunOutcome => {
    const sure = final.finished && run.complete
    const values = sure ? decided[r]! : run.keys.map(() => undefined)
    const byNarrative = narrative && values.some((v, i) => v !== undefined && decidedHard[r]![i] === undefined)
    const allDecided = values.every((v) => v !== undefined)
    const problem = allDecided ? undefined : final.budgetOut || !run.complete ? 'budget' : 'ambiguous'
    return {
      values,
      ...(values.some((v) => v !== undefined) ? { basis: byNarrative ? 'narrative' : crossOf[r] ? 'joint' : 'row' } : {}),
      open: allDecided ? [] : openOf(run, final.supported[r]!),
      openCount: allDecided ? 1 : final.supported[r]!.size,
      ...(problem ? { problem } : {}),
      // The figures that decided it: its own, or those that decided the rows it depends on.
      quotes: byNarrative ? (used.some((e) => e.involved.includes(r)) ? used.filter((e) => e.involved.includes(r)) : used).map((e) => e.quote) : []
    }
  })
}

function undecided(run: Run, problem: RunOutcome['problem'], count: number, indexes: Iterable<number>): RunOutcome {
  return { values: run.keys.map(() => undefined), open: openOf(run, indexes), openCount: count, problem, quotes: [] }
}

/**
 * No split of all rows together fits: each row is decided on its own, under the identities whose
 * other cells are all known or already decided, repeated while that decides more rows.
 */
function alone(
  runs: readonly Run[],
  known: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  budget: StepBudget,
  evidence: readonly Evidence[]
): RunOutcome[] {
  const values = new Map(known)
  const outcomes: (RunOutcome | undefined)[] = runs.map(() => undefined)
  const solveOne = (r: number): RunOutcome => {
    const run = runs[r]!
    const own = relations.filter((rel) => {
      const all = [...rel.left, ...rel.right]
      return all.some((k) => run.keys.includes(k)) && all.every((k) => run.keys.includes(k) || values.has(k))
    })
    return solveJointly([run], values, own, budget, evidence)[0]!
  }
  let progress = true
  while (progress) {
    progress = false
    runs.forEach((run, r) => {
      if (outcomes[r]) return
      const outcome = solveOne(r)
      if (outcome.values.every((v) => v !== undefined)) {
        outcomes[r] = outcome
        run.keys.forEach((k, i) => values.set(k, outcome.values[i]!))
        progress = true
      }
    })
  }
  return runs.map((_, r) => outcomes[r] ?? solveOne(r))
}
