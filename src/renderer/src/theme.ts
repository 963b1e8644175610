/**
 * naive-ui settings shared by the root provider and the discrete API (which mounts its own
 * small app outside the component tree), so both look and speak the same.
 */
import { dateZhCN, zhCN, type GlobalThemeOverrides } from 'naive-ui'

export const locale = zhCN
export const dateLocale = dateZhCN

const FONT_FAMILY = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"

/** A sober official red as the accent; everything else stays naive-ui's light theme. */
export const themeOverrides: GlobalThemeOverrides = {
  common: {
    fontFamily: FONT_FAMILY,
    primaryColor: '#B3261E',
    primaryColorHover: '#C8372D',
    primaryColorPressed: '#8F1D17',
    primaryColorSuppl: '#C8372D',
    borderRadius: '4px'
  }
}
