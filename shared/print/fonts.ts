import { FACES, LATIN_FONT, LATIN_ROLES } from '../document/typography.ts';
import type { Face, FaceRole } from '../document/typography.ts';

/**
 * The print layout's font stacks. Each role prefers its official faces, matched with
 * `local()` (exact font names, so a Linux fontconfig alias such as 宋体 → Noto CJK never
 * slips in as a Type 3 font), and falls back per character to a bundled OFL font that
 * ships with the app (Tinos for Latin letters and digits, Noto and LXGW WenKai for
 * Chinese), so output never depends on what the machine has installed.
 */

export interface BundledFont {
  /** The package's stylesheet, relative to the font root; its `files/` sit beside it. */
  readonly stylesheet: string;
  /** The family that stylesheet declares (subset woff2 files with unicode-range). */
  readonly family: string;
}

/** typography.ts names the fallbacks; these npm packages provide them. */
export const BUNDLED_FONTS: Readonly<Record<Face['fallback'], BundledFont>> = {
  'Nianbao Serif': { stylesheet: '@fontsource/noto-serif-sc/400.css', family: 'Noto Serif SC' },
  'Nianbao Sans': { stylesheet: '@fontsource/noto-sans-sc/400.css', family: 'Noto Sans SC' },
  'Nianbao Kai': { stylesheet: 'lxgw-wenkai-webfont/lxgwwenkai-regular.css', family: 'LXGW WenKai' },
};

/**
 * The Latin face behind the installed Times New Roman: Tinos, drawn to Times New Roman's
 * metrics, so Latin letters and digits take the same width on every machine. Its Latin
 * subset only (the range below is ASCII).
 */
export const BUNDLED_LATIN_FONT = { file: '@fontsource/tinos/files/tinos-latin-400-normal.woff2', family: 'Tinos' } as const;

/**
 * `local()` matches full and PostScript names, not family names: these are the ones of
 * the official faces that differ from the names typography.ts lists.
 */
const LOCAL_NAME_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '仿宋_GB2312': ['FangSong_GB2312'],
  '楷体_GB2312': ['KaiTi_GB2312'],
  '方正小标宋简体': ['FZXiaoBiaoSong-B05S', 'FZXBSJW--GB1-0'],
  '方正小标宋_GBK': ['FZXiaoBiaoSong-B05', 'FZXBSK--GBK1-0'],
  '华文中宋': ['STZhongsong'],
  // Liberation Serif is metric-compatible with Times New Roman (LibreOffice substitutes it).
  'Times New Roman': ['TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif'],
};

/** Latin letters, digits and ASCII punctuation only: Chinese punctuation stays in the Chinese face. */
const LATIN_RANGE = 'U+0020-007E';

const LATIN_FAMILY = 'Nianbao Latin';

function officialFamily(role: FaceRole): string {
  return `Nianbao Official ${role}`;
}

function quote(name: string): string {
  return `'${name.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function localSources(names: readonly string[]): string {
  return names.flatMap((name) => [name, ...(LOCAL_NAME_ALIASES[name] ?? [])]).map((name) => `local(${quote(name)})`).join(', ');
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * `@font-face` rules that bind the installed official faces by exact name; the Latin
 * face falls back to the bundled Tinos under `fontBaseUrl` (the font root).
 */
export function officialFontFaces(fontBaseUrl: string): string {
  const roles = Object.keys(FACES) as FaceRole[];
  const bundledLatin = `url(${quote(`${withSlash(fontBaseUrl)}${BUNDLED_LATIN_FONT.file}`)}) format('woff2')`;
  return [
    `@font-face { font-family: ${quote(LATIN_FAMILY)}; src: ${localSources([LATIN_FONT])}, ${bundledLatin}; unicode-range: ${LATIN_RANGE}; }`,
    ...roles.map((role) => `@font-face { font-family: ${quote(officialFamily(role))}; src: ${localSources(FACES[role].official)}; }`),
  ].join('\n');
}

/** The CSS `font-family` value of a role: Latin face, official faces, bundled fallback. */
export function fontStack(role: FaceRole): string {
  const families = [
    ...(LATIN_ROLES.includes(role) ? [LATIN_FAMILY] : []),
    officialFamily(role),
    BUNDLED_FONTS[FACES[role].fallback].family,
  ];
  return [...families.map(quote), FACES[role].fallback === 'Nianbao Sans' ? 'sans-serif' : 'serif'].join(', ');
}

/** Stylesheet URLs of the bundled fonts under `fontBaseUrl` (the font root). */
export function bundledStylesheetUrls(fontBaseUrl: string): string[] {
  return [...new Set(Object.values(BUNDLED_FONTS).map((font) => `${withSlash(fontBaseUrl)}${font.stylesheet}`))];
}
