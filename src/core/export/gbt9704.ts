/**
 * Every GB/T 9704-2012 《党政机关公文格式》 number the export uses, in Word's units:
 * lengths in twips (1/20 pt, 1 mm ≈ 56.7 twips), font sizes in half-points.
 * Source: the project's format reference, §4. Nothing else in the export spells one of these numbers.
 */

// Page (5.1, 5.2.1) -----------------------------------------------------------------------------

/** A4. Literals: convertMillimetersToTwip(210) floors to 11905. */
export const PAGE_WIDTH = 11906
export const PAGE_HEIGHT = 16838

/** 天头 37 mm. */
export const MARGIN_TOP = 2098
/** 297 − 37 − 225 (版心 height) = 35 mm. */
export const MARGIN_BOTTOM = 1984
/** 订口 28 mm. */
export const MARGIN_LEFT = 1588
/** 210 − 28 − 156 (版心 width) = 26 mm. */
export const MARGIN_RIGHT = 1474

/** 版心 width, 156 mm: tables fill exactly this. */
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

/**
 * Distance from the page bottom to the footer. The 一字线 of the page number sits 7 mm below the
 * type area (7.5), i.e. about 28 mm above the page bottom; with a 四号 line that puts the footer
 * about 25 mm up. Approximate, checked visually.
 */
export const FOOTER_DISTANCE = 1418
/** Word's default; there is no header, but the section needs a value. */
export const HEADER_DISTANCE = 851

// Sizes (half-points) -------------------------------------------------------------------------

export const SIZE = {
  /** 二号 22 pt: title. */
  erhao: 44,
  /** 三号 16 pt: body and headings. */
  sanhao: 32,
  /** 四号 14 pt: page numbers. */
  sihao: 28,
  /** 小四 12 pt: 表二. */
  xiaosi: 24,
  /** 五号 10.5 pt: 表三, 表四. */
  wuhao: 21
} as const

/** Width of one character of a size, in twips (a CJK character is one em). */
export function charWidth(halfPoints: number): number {
  return halfPoints * 10
}

// Lines -----------------------------------------------------------------------------------------

/**
 * Body line pitch: exact 28 pt. 22 lines of 28 pt (616 pt) fit the 225 mm (637.8 pt) type area
 * (5.2.3 “一般每面排22行”), the fixed pitch most offices use.
 */
export const LINE_PITCH = 560

/** Paragraphs start two characters in (“每个自然段左空二字，回行顶格”). */
export const FIRST_LINE_CHARS = 2

/** Page number one character in from the outer edge (“单页码居右空一字，双页码居左空一字”). */
export const PAGE_NUMBER_INDENT_CHARS = 1

/** 落款 without a seal: the unit name right-indented 2 characters; the date starts 2 further right (7.3.5.1). */
export const SIGNATURE_RIGHT_CHARS = 2
export const SIGNATURE_DATE_SHIFT_CHARS = 2

// Tables (not in GB/T 9704; the format reference §4.3, §4.6) ----------------------------------

/**
 * Cell side margin of the narrow-column tables. Word's default 108 twips leaves 374 twips in a
 * 590-twip 表四 column, less than two 五号 characters (420 twips).
 */
export const TABLE_CELL_MARGIN_NARROW = 40
/** Word's default cell side margin, kept where the columns are wide (表二). */
export const TABLE_CELL_MARGIN_DEFAULT = 108

/** Exact line pitch inside cells: about 1.4 × the font size, compact and the same in Word and LibreOffice. */
export function tableLinePitch(halfPoints: number): number {
  return Math.round(halfPoints * 10 * 1.4)
}

// Fonts -----------------------------------------------------------------------------------------

export const FONT = {
  /** Title (7.3.1). */
  title: '方正小标宋简体',
  /** Body (5.2.2). */
  body: '仿宋_GB2312',
  /** Level-1 headings 一、 (7.3.3). */
  heading1: '黑体',
  /** Level-2 headings （一） and the template's notes in tables. */
  heading2: '楷体_GB2312',
  /** Page numbers (7.5) and tables (the 2021 template). */
  song: '宋体',
  /** Digits and Latin letters: a convention, not in the standard. */
  latin: 'Times New Roman'
} as const

export type FontRole = Exclude<keyof typeof FONT, 'latin'>
export type FontTable = Readonly<Record<keyof typeof FONT, string>>

/**
 * The faces every Windows PC has, for an office without the official fonts: 仿宋 for 仿宋_GB2312,
 * 楷体 for 楷体_GB2312, and 宋体 for the title's 方正小标宋简体 (set bold, see `TITLE_BOLD`).
 * Chosen in the export, the document names these instead, so Word prints what the officer saw.
 */
export const COMMON_FONT: FontTable = {
  ...FONT,
  title: '宋体',
  body: '仿宋',
  heading2: '楷体'
}

/** Which faces the document names: the official ones, or the common substitutes. */
export type FontChoice = 'official' | 'common'

export const FONT_TABLES: Readonly<Record<FontChoice, FontTable>> = { official: FONT, common: COMMON_FONT }

/** 宋体 standing in for 方正小标宋简体 is set bold, which is how offices approximate the heavier face. */
export function titleBold(fonts: FontTable): boolean {
  return fonts.title !== FONT.title
}

/**
 * A run's faces: the East Asian face for Chinese (and, with the eastAsia hint, for ambiguous
 * characters such as “ ” and —), a Latin face for digits and letters.
 */
export function fontFace(eastAsia: string, latin: string = FONT.latin) {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' } as const
}

/** The page number's dashes: 一字线, U+2014, with a half-width space on the inner side. */
export const PAGE_NUMBER_PREFIX = '\u2014 '
export const PAGE_NUMBER_SUFFIX = ' \u2014'
