/**
 * Where things live in the library folder:
 *
 *   <root>/reports/<unit-slug>/<year>.json                  the current version of each report
 *   <root>/backups/<unit-slug>/<year>/<backup-id>.json      earlier versions, newest kept (rotated)
 *   <root>/recycle/<removal-id>/{manifest,report}.json      removed reports, with their backups/
 *   <root>/locks/<unit-slug>@<year>.lock                    held while a report is being changed
 *   <root>/journal/<operation-id>/{plan.json,stage/}        a unit operation under way (see operations.ts)
 *   <root>/operations/<operation-id>.json                   what a finished unit operation did, to undo it
 *
 * The slug is the unit's name made safe as a folder name on Windows, macOS and Linux alike.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'

/** Characters Windows forbids in names, plus controls; `~` is reserved for the slug's hash suffix. */
const UNSAFE = /[<>:"/\\|?*~\u0000-\u001f\u007f]/g
/** Names Windows reserves whatever the extension (CON, CON.txt …). */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i
/** ext4 and NTFS allow 255 bytes or UTF-16 units; a Chinese character takes 3 bytes in UTF-8. */
const MAX_SLUG_CHARS = 60

/**
 * A folder name for the unit. Names that are already safe are kept as they are (Chinese included),
 * so the folder is recognisable. Any name that had to be changed gets `~` and a short hash of the
 * original, so two names that differ only in unsafe characters (or in ASCII case, which Windows
 * and macOS ignore) never share a folder.
 */
export function unitSlug(name: string): string {
  const original = name.normalize('NFC').trim()
  let slug = original.replace(UNSAFE, '_').replace(/[. ]+$/, '').replace(/^[. ]+/, '')
  if (RESERVED.test(slug)) slug = `_${slug}`
  if ([...slug].length > MAX_SLUG_CHARS) slug = [...slug].slice(0, MAX_SLUG_CHARS).join('')
  const changed = slug !== original || /[A-Z]/.test(original)
  return changed ? `${slug}~${createHash('sha256').update(original).digest('hex').slice(0, 8)}` : slug
}

export const YEAR_FILE = /^(\d{4})\.json$/

export class LibraryPaths {
  readonly reports: string
  readonly backups: string
  readonly recycle: string
  readonly locks: string
  readonly journal: string
  readonly operations: string

  constructor(readonly root: string) {
    this.reports = join(root, 'reports')
    this.backups = join(root, 'backups')
    this.recycle = join(root, 'recycle')
    this.locks = join(root, 'locks')
    this.journal = join(root, 'journal')
    this.operations = join(root, 'operations')
  }

  unitFolder(slug: string): string {
    return join(this.reports, slug)
  }

  report(slug: string, year: number): string {
    return join(this.reports, slug, `${year}.json`)
  }

  backupFolder(slug: string, year: number): string {
    return join(this.backups, slug, String(year))
  }

  lock(slug: string, year: number): string {
    return join(this.locks, `${slug}@${year}.lock`)
  }

  removal(id: string): string {
    return join(this.recycle, id)
  }

  /** Held for the whole of a unit operation, so that another process does not take it for abandoned. */
  journalLock(id: string): string {
    return join(this.locks, `journal@${id}.lock`)
  }

  operationRecord(id: string): string {
    return join(this.operations, `${id}.json`)
  }
}
