/**
 * The OLE2 compound file around a .doc/.wps, read with SheetJS `cfb`. cfb parses the whole
 * container at once and trusts it: it follows sector chains without a bound, re-walks a chain for
 * each sector of it that comes before the chain's head, and walks the directory tree without a
 * guard against loops. So the container is checked first, by the same walks cfb will make, with a
 * budget (OLE_LIMITS): a file that would cost cfb more than a real document ever does is refused.
 */
import { find, parse, type CFB$Container } from 'cfb'
import { FileError } from '../files'
import { OLE_LIMITS, OLE_MESSAGES } from '../importLimits'

const END_OF_CHAIN = -2
const NO_STREAM = -1
/** Directory entry types (MS-CFB 2.6.1): 1 storage, 2 stream, 5 root. */
const ROOT = 5
/** Streams at least this long live in sector chains; shorter ones in the mini stream. */
const MINI_CUTOFF = 4096

const corrupt = () => new FileError(OLE_MESSAGES.corrupt)

/**
 * The header's counts, checked against the file: one damaged count (“100,000 FAT sectors” in a
 * 60 KB file) must not size anything. Every table fits in the file; sectors are 512 or 4096 bytes.
 */
export function checkOleHeader(buffer: Buffer): void {
  if (buffer.length < 512) throw corrupt()
  const sectorShift = buffer.readUInt16LE(0x1e)
  const miniShift = buffer.readUInt16LE(0x20)
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw corrupt()
  const sectors = Math.ceil((buffer.length - 512) / (1 << sectorShift))
  // FAT, mini FAT and DIFAT sector counts (signed, so a negative one is damage too).
  for (const offset of [0x2c, 0x40, 0x48]) {
    const count = buffer.readInt32LE(offset)
    if (count < 0 || count > sectors) throw corrupt()
  }
}

/** The FAT as cfb reads it: sector addresses from the header, then from the DIFAT chain. */
class Fat {
  readonly size: number
  readonly count: number
  private readonly addresses: number[] = []

  constructor(private readonly buffer: Buffer) {
    this.size = 1 << buffer.readUInt16LE(0x1e)
    // cfb's sectors: the header's (first sector-size bytes) excluded, the last one possibly short.
    this.count = Math.ceil(buffer.length / this.size) - 1
    for (let i = 0; i < 109; i += 1) {
      const address = buffer.readInt32LE(0x4c + 4 * i)
      if (address < 0) break
      this.addresses.push(address)
    }
    // cfb reads the DIFAT sector it is pointed at, then follows the chain while the header's count lasts.
    let difat = buffer.readInt32LE(0x44)
    for (let left = buffer.readInt32LE(0x48); this.exists(difat); left -= 1) {
      for (let i = 0; i < this.size / 4 - 1; i += 1) {
        const address = this.read(difat, i * 4)
        if (address === END_OF_CHAIN) break
        this.addresses.push(address)
      }
      if (left < 1) break
      difat = this.read(difat, this.size - 4)
    }
  }

  exists(sector: number): boolean {
    return Number.isInteger(sector) && sector >= 0 && sector < this.count
  }

  private read(sector: number, offset: number): number {
    const at = (sector + 1) * this.size + offset
    return at + 4 <= this.buffer.length ? this.buffer.readInt32LE(at) : END_OF_CHAIN
  }

  /** The sector after `sector` in its chain, or undefined where cfb stops (no FAT sector for it). */
  next(sector: number): number | undefined {
    const fatSector = this.addresses[Math.floor((sector * 4) / this.size)]
    if (fatSector === undefined || !this.exists(fatSector)) return undefined
    return this.read(fatSector, (sector * 4) % this.size)
  }
}

/**
 * Walks every chain the way cfb's parse does, counting sectors visited; throws past the budget
 * (a chain laid out backwards costs cfb the square of its length) or where cfb would loop forever.
 */
function checkChains(fat: Fat, buffer: Buffer): { directory: number[]; heads: Set<number> } {
  const budget = OLE_LIMITS.chainVisitsPerSector * fat.count + OLE_LIMITS.chainVisitsExtra
  let visits = 0
  const visit = () => {
    visits += 1
    if (visits > budget) throw new FileError(OLE_MESSAGES.chains)
  }
  const directoryStart = buffer.readInt32LE(0x30)
  if (!fat.exists(directoryStart)) throw corrupt()
  const checked = new Uint8Array(fat.count)
  const heads = new Set<number>()
  let directory: number[] = []
  for (let i = 0; i < fat.count; i += 1) {
    const head = (i + directoryStart) % fat.count
    if (checked[head]) continue
    heads.add(head)
    const chain: number[] = []
    const seen = new Set<number>()
    // cfb stops a chain at a sector it has seen in this chain, never at one of an earlier chain.
    for (let sector: number | undefined = head; sector !== undefined && sector >= 0 && !seen.has(sector); sector = fat.next(sector)) {
      visit()
      seen.add(sector)
      if (sector < fat.count) checked[sector] = 1
      chain.push(sector)
    }
    if (head === directoryStart) directory = chain
  }
  return { directory, heads }
}

interface DirectoryEntry {
  type: number
  left: number
  right: number
  child: number
  start: number
  size: number
}

function readDirectory(fat: Fat, buffer: Buffer, chain: readonly number[]): DirectoryEntry[] {
  const perSector = fat.size / 128
  if (chain.length * perSector > OLE_LIMITS.maxDirectoryEntries) throw new FileError(OLE_MESSAGES.directory)
  const entries: DirectoryEntry[] = []
  for (const sector of chain) {
    for (let i = 0; i < perSector; i += 1) {
      const at = (sector + 1) * fat.size + i * 128
      if (!fat.exists(sector) || at + 128 > buffer.length) throw corrupt()
      entries.push({
        type: buffer[at + 66]!,
        left: buffer.readInt32LE(at + 68),
        right: buffer.readInt32LE(at + 72),
        child: buffer.readInt32LE(at + 76),
        start: buffer.readInt32LE(at + 116),
        size: buffer.readInt32LE(at + 120)
      })
    }
  }
  return entries
}

/**
 * The directory must be trees without loops (every entry pointed at by one parent at most, the
 * root by none): cfb builds the paths by following these pointers with no guard against a loop.
 * Entries outside the root's tree are allowed (a writer may leave deleted ones behind).
 */
function checkTree(entries: readonly DirectoryEntry[]): void {
  if (!entries.length || entries[0]!.type !== ROOT) throw corrupt()
  const children = (entry: DirectoryEntry) => [entry.left, entry.right, entry.child].filter((next) => next !== NO_STREAM)
  const parents = new Uint8Array(entries.length)
  for (const entry of entries) {
    for (const next of children(entry)) {
      if (next <= 0 || next >= entries.length || parents[next]! > 0) throw corrupt()
      parents[next] = 1
    }
  }
  // Walking down from every entry without a parent reaches all the others, unless some form a loop.
  const reached = new Uint8Array(entries.length)
  const stack = [...entries.keys()].filter((index) => !parents[index])
  for (const index of stack) reached[index] = 1
  while (stack.length) {
    for (const next of children(entries[stack.pop()!]!)) {
      reached[next] = 1
      stack.push(next)
    }
  }
  if (reached.includes(0)) throw corrupt()
}

/**
 * A stream whose first sector is not the head of a chain walked above is walked again by cfb
 * without any loop check: it must end within the file.
 */
function checkStreamChains(fat: Fat, entries: readonly DirectoryEntry[], heads: ReadonlySet<number>): void {
  for (const entry of entries) {
    if (entry.type === ROOT || entry.size < MINI_CUTOFF || heads.has(entry.start)) continue
    if (entry.start === END_OF_CHAIN || entry.start < 0) continue
    if (!fat.exists(entry.start)) throw corrupt()
    const seen = new Set<number>()
    for (let sector: number | undefined = entry.start; sector !== undefined && sector >= 0; sector = fat.next(sector)) {
      if (seen.has(sector) || seen.size > fat.count) throw corrupt()
      seen.add(sector)
    }
  }
}

/** Checks the container within the budget; throws a FileError with one Chinese sentence if it is not one cfb can read safely. */
export function checkOleContainer(buffer: Buffer): void {
  checkOleHeader(buffer)
  const fat = new Fat(buffer)
  const { directory, heads } = checkChains(fat, buffer)
  const entries = readDirectory(fat, buffer, directory)
  checkTree(entries)
  checkStreamChains(fat, entries, heads)
}

export interface OleStreams {
  /** A top-level stream's bytes, or undefined if the file has none of that name. */
  stream(name: string): Buffer | undefined
}

/** Opens the container (checked first); throws a FileError if it is damaged. */
export function openOle(buffer: Buffer): OleStreams {
  checkOleContainer(buffer)
  let container: CFB$Container
  try {
    container = parse(buffer)
  } catch {
    throw corrupt()
  }
  return {
    stream(name) {
      const entry = find(container, `/${name}`)
      if (!entry || entry.type !== 2 || !entry.content) return undefined
      const content = entry.content
      return Buffer.isBuffer(content) ? content : Buffer.from(content)
    }
  }
}
