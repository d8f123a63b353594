import type { LeadLevel } from './model.ts';

/**
 * The page and type of GB/T 9704-2012 (党政机关公文格式) as used for the annual report,
 * shared by the DOCX renderer and the print layout so both look the same.
 */

/** Chinese type sizes (号) in points. */
export const HAO = {
  二号: 22,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
} as const;

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  /** 天头 37 mm, 订口 28 mm; the type area is 156 × 225 mm. */
  marginTopMm: 37,
  marginLeftMm: 28,
  marginRightMm: 26,
  marginBottomMm: 35,
  typeAreaWidthMm: 156,
  typeAreaHeightMm: 225,
  /** The page-number line sits 7 mm below the type area. */
  pageNumberBelowTypeAreaMm: 7,
} as const;

/** 22 lines per page in a 225 mm type area: a fixed line pitch of 28.95 pt. */
export const LINE_PITCH_PT = 28.95;

/**
 * 28 characters per line (GB/T 9704 5.2.3): 156 mm is 442.2 pt, 15.79 pt a character, so
 * body text (3号, 16 pt) is set 0.25 pt tighter per character.
 */
export const CHARS_PER_LINE = 28;
export const BODY_LETTER_SPACING_PT = -0.25;
/** The width of one body character (一字), the unit of indents such as 左空二字. */
export const BODY_CHAR_PT = HAO.三号 + BODY_LETTER_SPACING_PT;
/** Table cells: 五号 with single spacing, so table 3 fits the 156 mm width. */
export const TABLE_FONT_PT = HAO.五号;
export const TABLE_LINE_PT = 14;
/** Left and right padding inside table cells, so a 10 mm column still holds two characters. */
export const TABLE_CELL_PADDING_MM = 1;

/** Width of a text in 字 (full-width characters): ASCII letters and digits are half a 字. */
export function widthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}

/**
 * Advance of the widest Latin digits a machine may substitute for Times New Roman: DejaVu's
 * (0.636 em; Times New Roman's and Tinos's are 0.5 em). Layout that must hold on any machine
 * assumes them.
 */
const WIDEST_LATIN_EM = 0.64;

/** Width of a text in em with the widest Latin digits; Chinese characters are one em. */
export function widestWidthInEm(text: string): number {
  let em = 0;
  for (const char of text) em += char.charCodeAt(0) < 0x80 ? WIDEST_LATIN_EM : 1;
  return em;
}

/** Em of the 2号 title that fit on one line of the type area. */
export const TITLE_EM_PER_LINE = ((PAGE.typeAreaWidthMm / 25.4) * 72) / HAO.二号;

/** Role of a piece of text → the official face. Fallbacks are the bundled OFL fonts. */
export type FaceRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber' | 'table';

export interface Face {
  /** Font names in order of preference, as installed on government PCs. */
  readonly official: readonly string[];
  /** The bundled OFL font family used when none of the official ones is installed. */
  readonly fallback: 'Nianbao Serif' | 'Nianbao Sans' | 'Nianbao Kai';
  readonly sizePt: number;
}

export const FACES: Readonly<Record<FaceRole, Face>> = {
  title: { official: ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', '宋体', 'SimSun'], fallback: 'Nianbao Serif', sizePt: HAO.二号 },
  body: { official: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong'], fallback: 'Nianbao Serif', sizePt: HAO.三号 },
  heading1: { official: ['黑体', 'SimHei', 'STHeiti'], fallback: 'Nianbao Sans', sizePt: HAO.三号 },
  heading2: { official: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti'], fallback: 'Nianbao Kai', sizePt: HAO.三号 },
  pageNumber: { official: ['宋体', 'SimSun'], fallback: 'Nianbao Serif', sizePt: HAO.四号 },
  table: { official: ['仿宋_GB2312', '仿宋', 'FangSong'], fallback: 'Nianbao Serif', sizePt: TABLE_FONT_PT },
};

/** The face of a heading that opens a paragraph: （一） in 楷体, 1. （1） 一是 in the body face. */
export const LEAD_FACES: Readonly<Record<LeadLevel, FaceRole>> = {
  level2: 'heading2',
  level3: 'body',
  level4: 'body',
  ordinal: 'body',
};

/** Latin letters and Arabic numerals in body text. */
export const LATIN_FONT = 'Times New Roman';

/**
 * Roles whose Latin letters and digits are set in LATIN_FONT; the title, 黑体 headings
 * and page numbers keep their own face's numerals.
 */
export const LATIN_ROLES: readonly FaceRole[] = ['body', 'heading2', 'table'];

/** The 2号 title needs more than the body's line. */
export const TITLE_LINE_PT = LINE_PITCH_PT * 1.25;
/** The page number's line: 4号 with a quarter of leading; its middle sits 7 mm below the type area. */
export const PAGE_NUMBER_LINE_PT = FACES.pageNumber.sizePt * 1.25;

/** The mark at the top of every page of a report that still has errors: 三号黑体, right. */
export const DRAFT_MARK = '草稿';
export const DRAFT_MARK_ROLE: FaceRole = 'heading1';

/** `— 1 —`: em dash, space, number, space, em dash (GB/T 9704 7.5). */
export function pageNumberText(page: number): string {
  return `— ${page} —`;
}
