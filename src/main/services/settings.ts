/**
 * The settings file: `settings.json` in the library folder (the app's user data folder, or the
 * CLI's `--library DIR`), written atomically. Reading never fails the app: a missing file is the
 * national defaults, a damaged one too — with the problem said, and the file left as it is until the
 * officer saves. Importing a region profile is all or nothing: an invalid file changes nothing.
 * Node-only; never imports electron.
 */
import { basename, join } from 'node:path'
import {
  defaultSettings,
  parseProfileText,
  parseSettingsText,
  serializeProfile,
  serializeSettings,
  SettingsError,
  withProfile,
  type RegionProfile,
  type Settings
} from '@core/settings'
import { writeAtomic } from './atomicWrite'
import { describeFsError, FileError, readBoundedFile, writeFileAtomic } from './files'
import { errorCode, nodeFs, type LibraryFs } from './fsAdapter'

export const SETTINGS_FILE = 'settings.json'

/** A region profile is a few KB; anything much larger is not one. */
const MAX_SETTINGS_BYTES = 1024 * 1024

export interface LoadedSettings {
  settings: Settings
  /** Why the file on disk could not be used (the defaults are in effect meanwhile). */
  problem?: string
}

export class SettingsStore {
  readonly path: string

  constructor(
    folder: string,
    private readonly fs: LibraryFs = nodeFs
  ) {
    this.path = join(folder, SETTINGS_FILE)
  }

  async load(): Promise<LoadedSettings> {
    let bytes: Buffer
    try {
      bytes = await this.fs.readFile(this.path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { settings: defaultSettings() }
      return { settings: defaultSettings(), problem: describeFsError(error, this.path).message }
    }
    try {
      return { settings: parseSettingsText(bytes.toString('utf8'), `设置文件 ${this.path}`) }
    } catch (error) {
      if (error instanceof SettingsError) return { settings: defaultSettings(), problem: `${error.message}；已暂用国家默认设置` }
      throw error
    }
  }

  /** Validates and writes the whole settings; returns them as stored (defaults filled, text trimmed). */
  async save(settings: Settings): Promise<Settings> {
    const text = officer(() => serializeSettings(settings))
    await this.guard(this.fs.mkdir(join(this.path, '..')))
    await writeAtomic(this.fs, this.path, text)
    return parseSettingsText(text, SETTINGS_FILE)
  }

  /** Reads a region profile a county handed out and makes it this computer's; nothing changes if it is invalid. */
  async importProfile(file: string): Promise<{ settings: Settings; profile: RegionProfile }> {
    const bytes = await readBoundedFile(file, MAX_SETTINGS_BYTES)
    const profile = officer(() => parseProfileText(bytes.toString('utf8'), basename(file)))
    const { settings } = await this.load()
    return { settings: await this.save(withProfile(settings, profile)), profile }
  }

  /** Writes this computer's region profile to `file`, to hand to other offices. */
  async exportProfile(file: string): Promise<RegionProfile> {
    const { settings } = await this.load()
    await writeFileAtomic(file, serializeProfile(settings.region))
    return settings.region
  }

  /** Back to the national defaults for the region; this computer's own options stay. */
  async resetProfile(): Promise<Settings> {
    const { settings } = await this.load()
    return this.save(withProfile(settings, defaultSettings().region))
  }

  private async guard<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise
    } catch (error) {
      throw describeFsError(error, this.path)
    }
  }
}

/** Settings problems reach the officer like file problems: one Chinese sentence, on every face of the app. */
function officer<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof SettingsError) throw new FileError(error.message)
    throw error
  }
}
