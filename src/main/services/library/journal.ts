/**
 * The journal behind unit operations (rename, move, merge and their undo), which change several
 * files at once and must still be all-or-nothing when the process dies half-way:
 *
 *  1. Prepare: every file the operation will put in place (reports under their new name and year,
 *     their backups, versions set aside) is written into `journal/<id>/stage/` first. Nothing the
 *     library shows has changed yet; a process killed now leaves only a folder to throw away.
 *  2. `plan.json` is written (atomically). From this moment the operation is decided.
 *  3. Commit: the staged files are renamed into place, then the files they replace elsewhere are
 *     removed — each removal only if the file is still byte for byte what was planned.
 *  4. The undo record is written to `operations/<id>.json` and the journal folder removed.
 *
 * Every step of 3 and 4 can be repeated: a staged file already moved is simply gone from the stage,
 * a removed file is simply gone. So a journal found with its plan is finished (rolled forward) by
 * the next process that opens the library; one found without is discarded. No report is ever
 * without a good copy: the old files go only after the new ones are in place.
 */
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { isTempOf, writeAtomic } from '../atomicWrite'
import { describeFsError } from '../files'
import { errorCode, type LibraryFs } from '../fsAdapter'
import { removeStrayTemps } from './temps'
import { parseTimeId } from './timeId'

export const PLAN_FILE = 'plan.json'
export const STAGE_FOLDER = 'stage'

/** A path inside the library folder, relative to it, with `/` separators and no way out of it. */
const libraryPath = z
  .string()
  .min(1)
  .refine((p) => p.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\')), '路径无效')
  .refine((p) => /^(reports|backups|operations)\//.test(p), '路径无效')

const stagedName = z.string().regex(/^\d+\.json$/)

const actionSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('place'), staged: stagedName, to: libraryPath }),
  z.object({ do: z.literal('remove'), path: libraryPath, sha256: z.string().regex(/^[0-9a-f]{64}$/) })
])

export type JournalAction = z.infer<typeof actionSchema>

const planSchema = z.object({
  id: z.string().refine((id) => parseTimeId(id) !== undefined),
  actions: z.array(actionSchema),
  /** Written to operations/<id>.json once the actions are done: what undo needs. */
  record: z.unknown().optional(),
  /** An undo: the record of the operation it undoes, removed once the actions are done. */
  consumes: z
    .string()
    .refine((id) => parseTimeId(id) !== undefined)
    .optional()
})

export type JournalPlan = z.infer<typeof planSchema>

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export class Journal {
  constructor(
    private readonly fs: LibraryFs,
    private readonly root: string,
    private readonly journalFolder: string,
    private readonly operationsFolder: string
  ) {}

  folder(id: string): string {
    return join(this.journalFolder, id)
  }

  /** A fresh staging area for operation `id`. */
  async begin(id: string): Promise<void> {
    await this.guard(this.fs.mkdir(join(this.folder(id), STAGE_FOLDER)), this.journalFolder)
  }

  /** Writes one file to put in place later; returns its staged name. */
  async stage(id: string, index: number, bytes: Uint8Array): Promise<string> {
    const name = `${index}.json`
    await writeAtomic(this.fs, join(this.folder(id), STAGE_FOLDER, name), bytes)
    return name
  }

  /** Decides the operation (the plan is written), carries it out and cleans up. */
  async commit(plan: JournalPlan): Promise<void> {
    await writeAtomic(this.fs, join(this.folder(plan.id), PLAN_FILE), `${JSON.stringify(plan)}\n`)
    await this.carryOut(plan)
  }

  /** The actions (again, if they were begun), then the record, then the journal folder goes. */
  async carryOut(plan: JournalPlan): Promise<void> {
    const stage = join(this.folder(plan.id), STAGE_FOLDER)
    for (const action of plan.actions) {
      if (action.do === 'place') await this.place(join(stage, action.staged), this.resolve(action.to))
      else await this.remove(this.resolve(action.path), action.sha256)
    }
    if (plan.record !== undefined) {
      await this.guard(this.fs.mkdir(this.operationsFolder), this.operationsFolder)
      // A killed earlier attempt may have left its temp file.
      await removeStrayTemps(this.fs, this.operationsFolder, 0, (name) => isTempOf(name, `${plan.id}.json`))
      await writeAtomic(this.fs, join(this.operationsFolder, `${plan.id}.json`), `${JSON.stringify(plan.record, null, 2)}\n`)
    }
    if (plan.consumes) await this.fs.rm(join(this.operationsFolder, `${plan.consumes}.json`))
    await this.discard(plan.id)
  }

  /** Throws the staging area of an operation away (it never got its plan, or is finished). */
  async discard(id: string): Promise<void> {
    await this.fs.rm(this.folder(id), { recursive: true })
  }

  /** Operations found in the journal folder, oldest first. */
  async pending(): Promise<string[]> {
    const ids = (await this.fs.readdir(this.journalFolder)).filter((id) => parseTimeId(id) !== undefined)
    return ids.sort()
  }

  /** The plan of an operation; undefined when it has none (never decided) or it is unreadable. */
  async readPlan(id: string): Promise<JournalPlan | undefined> {
    let bytes: Buffer
    try {
      bytes = await this.fs.readFile(join(this.folder(id), PLAN_FILE))
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined
      throw describeFsError(error, join(this.folder(id), PLAN_FILE))
    }
    try {
      const parsed = planSchema.safeParse(JSON.parse(bytes.toString('utf8')))
      return parsed.success && parsed.data.id === id ? parsed.data : undefined
    } catch {
      // Written atomically, a plan is whole or absent; anything else was not written by us.
      return undefined
    }
  }

  /** A library-relative path made absolute. */
  resolve(relative: string): string {
    return join(this.root, ...relative.split('/'))
  }

  /** A staged file moved into place; already gone from the stage means already done. */
  private async place(staged: string, target: string): Promise<void> {
    const exists = await this.fs.stat(staged).then(
      () => true,
      () => false
    )
    if (!exists) return
    await this.guard(this.fs.mkdir(dirname(target)), target)
    await this.guard(this.fs.rename(staged, target), target)
    await this.guard(this.fs.syncDir(dirname(target)), target)
  }

  /** Removes a file that was moved elsewhere — only if it is still what the plan read. */
  private async remove(path: string, expected: string): Promise<void> {
    let bytes: Buffer
    try {
      bytes = await this.fs.readFile(path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return
      throw describeFsError(error, path)
    }
    if (sha256(bytes) !== expected) return
    await this.guard(this.fs.rm(path), path)
    await this.fs.syncDir(dirname(path)).catch(() => undefined)
  }

  private async guard<T>(promise: Promise<T>, path: string): Promise<T> {
    try {
      return await promise
    } catch (error) {
      throw describeFsError(error, path)
    }
  }
}
