import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Result } from '../../shared/model/validation.ts';
import { BUNDLED_FONTS, BUNDLED_LATIN_FONT } from '../../shared/print/fonts.ts';

/**
 * Finds the bundled fonts at run time. A font root is a directory laid out like
 * node_modules for the four font packages, holding at least:
 *
 *   <root>/@fontsource/tinos/files/tinos-latin-400-normal.woff2   (Latin letters and digits)
 *   <root>/@fontsource/noto-serif-sc/400.css            (宋/仿宋 fallback)
 *   <root>/@fontsource/noto-serif-sc/files/*-400-normal.woff2
 *   <root>/@fontsource/noto-sans-sc/400.css             (黑体 fallback)
 *   <root>/@fontsource/noto-sans-sc/files/*-400-normal.woff2
 *   <root>/lxgw-wenkai-webfont/lxgwwenkai-regular.css   (楷体 fallback)
 *   <root>/lxgw-wenkai-webfont/files/lxgwwenkai-regular-subset-*.woff2
 *
 * (the stylesheets also name .woff files; Chromium takes the woff2 and never asks for
 * them, so a package may leave them out). `fontFiles` lists exactly the files needed.
 * In development the root is the repository's node_modules; the packaged app copies
 * these files to `<process.resourcesPath>/fonts` and passes that root first.
 */

export const DEVELOPMENT_FONT_ROOT = join(import.meta.dirname, '..', '..', 'node_modules');

export interface FontRoot {
  readonly dir: string;
  /** `file://` URL of `dir`, ending in `/`: the `fontBaseUrl` of the print layout. */
  readonly url: string;
}

/** The woff2 files a bundled stylesheet names, relative to the font root. */
function woff2Files(root: string, stylesheet: string): string[] {
  const css = readFileSync(join(root, stylesheet), 'utf8');
  const packageDir = stylesheet.slice(0, stylesheet.lastIndexOf('/') + 1);
  return [...css.matchAll(/url\(['"]?\.\/([^'")]+\.woff2)['"]?\)/g)].map((m) => `${packageDir}${m[1]}`);
}

/** Every file of the bundled fonts under `root`, relative to it: what a package must copy. */
export function fontFiles(root: string): string[] {
  const chinese = Object.values(BUNDLED_FONTS).flatMap((font) =>
    existsSync(join(root, font.stylesheet)) ? [font.stylesheet, ...woff2Files(root, font.stylesheet)] : [font.stylesheet],
  );
  return [BUNDLED_LATIN_FONT.file, ...chinese];
}

function missingFiles(root: string): string[] {
  return fontFiles(root).filter((file) => !existsSync(join(root, file)));
}

/** The first candidate root that holds every bundled font file. */
export function findFontRoot(candidateRoots: readonly string[]): Result<FontRoot> {
  const problems: string[] = [];
  for (const dir of candidateRoots) {
    const missing = missingFiles(dir);
    if (missing.length === 0) {
      const url = pathToFileURL(dir).href;
      return { ok: true, value: { dir, url: url.endsWith('/') ? url : `${url}/` } };
    }
    problems.push(`“${dir}”缺少${missing.length}个文件（如 ${missing[0]}）`);
  }
  return {
    ok: false,
    error: `找不到随程序附带的字体，无法保证打印和PDF中的汉字正确显示：${problems.join('；') || '没有可查找的目录'}。请重新安装本程序（开发时请运行 npm install）。`,
  };
}
