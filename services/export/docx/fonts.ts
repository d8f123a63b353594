import { FACES, LATIN_FONT, LATIN_ROLES } from '../../../shared/document/typography.ts';
import type { FaceRole } from '../../../shared/document/typography.ts';

/**
 * Fonts per script for each role of text. Chinese goes to the official face (eastAsia);
 * Latin letters and Arabic numerals to Times New Roman, except in the title and the
 * page number (GB/T 9704 7.5: 宋体 numerals) and in 黑体 headings, whose own numerals
 * match them. The `eastAsia` hint makes Word set quotation marks and dashes (“” —),
 * which Unicode shares between scripts, in the Chinese face.
 */

export interface RunFonts {
  readonly ascii: string;
  readonly hAnsi: string;
  readonly eastAsia: string;
  readonly cs: string;
  readonly hint: 'eastAsia';
}

export function faceName(role: FaceRole): string {
  return FACES[role].official[0]!;
}

export function runFonts(role: FaceRole): RunFonts {
  const chinese = faceName(role);
  const latin = LATIN_ROLES.includes(role) ? LATIN_FONT : chinese;
  return { ascii: latin, hAnsi: latin, eastAsia: chinese, cs: latin, hint: 'eastAsia' };
}

/** Faces every Chinese Windows installation has (and WPS ships): the substitutes Word can rely on. */
const WINDOWS_FACES = new Set(['宋体', 'SimSun', '黑体', 'SimHei', '仿宋', 'FangSong', '楷体', 'KaiTi']);

/**
 * The substitute written as `w:altName` in the font table: the first later name in the
 * role's list that every Windows machine has (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体).
 */
function substituteFace(role: FaceRole): string | undefined {
  return FACES[role].official.slice(1).find((name) => WINDOWS_FACES.has(name));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Code page GB2312 (charset 0x86) and the Unicode ranges of a simplified-Chinese face. */
const CHINESE_FONT = `<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/><w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/>`;
const LATIN_FONT_ENTRY = `<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>`;

/**
 * `word/fontTable.xml`: each face the document names, with its Windows substitute and
 * its Chinese code page, which Word and WPS use to choose a stand-in on a machine
 * without 仿宋_GB2312 or 方正小标宋简体 instead of falling back to a Latin font.
 */
export function fontTableXml(): string {
  const roles = Object.keys(FACES) as FaceRole[];
  const chinese = new Map<string, string | undefined>();
  for (const role of roles) if (!chinese.has(faceName(role))) chinese.set(faceName(role), substituteFace(role));
  const entries = [...chinese].map(([name, substitute]) => {
    const alt = substitute ? `<w:altName w:val="${escapeXml(substitute)}"/>` : '';
    return `<w:font w:name="${escapeXml(name)}">${alt}${CHINESE_FONT}</w:font>`;
  });
  entries.push(`<w:font w:name="${escapeXml(LATIN_FONT)}">${LATIN_FONT_ENTRY}</w:font>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}
