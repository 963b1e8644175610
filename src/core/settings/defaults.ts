/** The national defaults (国办公开办函〔2021〕30号 and GB/T 9704-2012), where every region starts. */
import { localOptionsSchema, regionProfileSchema, SETTINGS_KIND, SETTINGS_VERSION, type RegionProfile, type Settings } from './schema'

export const NATIONAL_PROFILE_NAME = '国家默认'

/**
 * Every default is in the schema; the national profile is what it gives for a name alone:
 * the deadline of 《政府信息公开条例》第五十条 (1 月 31 日), 总体情况 “原则上不超过一千字”, …
 */
export const NATIONAL_PROFILE: RegionProfile = regionProfileSchema.parse({ name: NATIONAL_PROFILE_NAME })

export function defaultSettings(): Settings {
  return {
    kind: SETTINGS_KIND,
    version: SETTINGS_VERSION,
    region: structuredClone(NATIONAL_PROFILE),
    local: localOptionsSchema.parse({})
  }
}
