/**
 * The fuzzer's inputs for a seed: mostly mutations of the committed fixtures (every kind in turn),
 * with the hostile set mixed in. The same seed and count always give the same inputs.
 */
import { HOSTILE, type FuzzInput } from './hostile'
import { mutate } from './mutate'
import { Rng } from './prng'
import { seeds } from './seeds'

export interface CorpusOptions {
  seed: number
  count: number
  /** Share of inputs from the hostile set (default 1 in 20; each hostile input comes round in turn). */
  hostileShare?: number
  /** Only these hostile inputs (by name); default all. */
  hostile?: readonly string[]
  /** Mutations left out (by name, e.g. 'digit-runs'). */
  exclude?: readonly string[]
}

export async function* corpus(options: CorpusOptions): AsyncGenerator<FuzzInput & { index: number }> {
  const rng = new Rng(options.seed)
  const hostile = options.hostile ?? Object.keys(HOSTILE)
  const share = options.hostileShare ?? 0.05
  const pool = seeds()
  let nextHostile = rng.int(Math.max(1, hostile.length))
  for (let index = 0; index < options.count; index += 1) {
    if (hostile.length && rng.chance(share)) {
      const name = hostile[nextHostile++ % hostile.length]!
      yield { ...HOSTILE[name]!(), index }
      continue
    }
    // Kinds in turn, so that every kind gets its share whatever the count.
    const kinds = [...new Set(pool.map((s) => s.kind))]
    const kind = kinds[index % kinds.length]!
    const seed = rng.pick(pool.filter((s) => s.kind === kind))
    yield { ...(await mutate(rng, seed, options.exclude)), index }
  }
}
