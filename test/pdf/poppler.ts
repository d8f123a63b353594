import { execFileSync } from 'node:child_process';

/** What poppler-utils read from a PDF file, for the PDF tests. */

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `pdfinfo`'s size line of every page, e.g. `594.96 x 841.92 pts (A4)`. */
export function pageSizes(file: string): string[] {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))![1]);
  const info = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1]!.trim());
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

/** `pdffonts`: every font of the file with its type and whether it is embedded. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((line) => line.trim());
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, ID
    const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
    if (!match) throw new Error(`pdffonts line not understood: ${line}`);
    return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes' };
  });
}

/** The text layer page by page: `raw` in content-stream (reading) order, `layout` as laid out. */
export function pageTexts(file: string, mode: 'raw' | 'layout'): string[] {
  const pages = run('pdftotext', [`-${mode}`, file, '-']).split('\f');
  return pages.slice(0, -1);
}

export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
}

export interface PdfPageWords {
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

/** Words with their boxes in points from the top left (`pdftotext -bbox`). */
export function pageWords(file: string): PdfPageWords[] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...page[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
      (w) => ({ text: w[4]!, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]) }),
    ),
  }));
}

/** PNG pages at `dpi` next to the PDF (`<prefix>-1.png`, …). */
export function renderPngs(file: string, prefix: string, dpi = 60): void {
  run('pdftoppm', ['-r', String(dpi), '-png', file, prefix]);
}
