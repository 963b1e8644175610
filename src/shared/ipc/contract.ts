/**
 * The one IPC contract. Each route is declared here once — channel name, input schema, output
 * schema — and everything else is derived from it: the main-process registry (which validates
 * input), the preload bridge (one wrapper per route) and the renderer's `window.api` type.
 * Renaming or adding a route here is a compile error wherever a handler or caller is missing.
 *
 * Imported by main, preload and renderer alike: keep it free of Node and Electron.
 */
import { z } from 'zod'
import { isCellId, type CellId } from '../../core/report/cells'
import { reportSchema, type Report } from '../../core/report/report'
import { SECTION_IDS, type SectionId } from '../../core/report/sections'
import type { Finding } from '../../core/rules/types'

/** Core's `Report` narrows `values` to cell ids, which `reportSchema` has already checked key by key. */
const reportDoc = reportSchema.transform((report): Report => report as Report)

const cellIdSchema = z.custom<CellId>((v) => typeof v === 'string' && isCellId(v), '未知单元格')
const sectionIdSchema = z.custom<SectionId>((v) => typeof v === 'string' && (SECTION_IDS as readonly string[]).includes(v))

// Loose: a field the rules add later passes through instead of being silently stripped.
const findingSchema: z.ZodType<Finding> = z.looseObject({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'hint']),
  message: z.string(),
  cells: z.array(cellIdSchema).readonly(),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cell'), cell: cellIdSchema }),
    z.object({
      kind: z.literal('section'),
      section: sectionIdSchema,
      start: z.number().int().optional(),
      end: z.number().int().optional()
    })
  ])
})

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string()
})
export type AppInfo = z.infer<typeof appInfoSchema>

interface RouteDef<I extends z.ZodType, O extends z.ZodType> {
  input: I
  output: O
}

/** Only for inference: keeps each route's exact schema types. */
const route = <I extends z.ZodType, O extends z.ZodType>(def: RouteDef<I, O>): RouteDef<I, O> => def

export const contract = {
  /** Name, version and platform, for the title bar and 关于. */
  'app:getInfo': route({ input: z.undefined(), output: appInfoSchema }),
  /** A blank report for a unit and year (level guessed from the name). */
  'report:new': route({
    input: z.object({
      unit: z.string().trim().min(1, '单位名称不能为空').max(200),
      year: z.number().int().min(2008).max(2100)
    }),
    output: reportDoc
  }),
  /** Run every rule on a report, with last year's report for the cross-year checks when given. */
  'report:check': route({
    input: z.object({ report: reportDoc, previous: reportDoc.optional() }),
    output: z.array(findingSchema)
  })
} as const

export type Contract = typeof contract
export type RouteName = keyof Contract

/** Every route, in declaration order: what main registers and what the preload exposes. */
export const ROUTE_NAMES = Object.keys(contract) as RouteName[]

/** What the renderer sends. */
export type RouteRequest<K extends RouteName> = z.input<Contract[K]['input']>
/** What the handler receives, after validation (defaults applied, strings trimmed). */
export type RouteInput<K extends RouteName> = z.output<Contract[K]['input']>
/** What the handler returns and the renderer receives. */
export type RouteOutput<K extends RouteName> = z.output<Contract[K]['output']>

export function isRouteName(name: string): name is RouteName {
  return Object.hasOwn(contract, name)
}
