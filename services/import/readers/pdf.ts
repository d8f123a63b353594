import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Result } from '../../../shared/model/validation.ts';
import { restoreIdeographs } from '../text/ideographs.ts';
import { isDraftMark, isPageNumber } from '../text/pageFurniture.ts';
import type { PageBox, PageSize, SourceCell, SourceDocument, SourceLine } from '../source.ts';
import { paragraphLine } from '../source.ts';
import type { Lattice, LatticeCell } from './pdfTables.ts';
import { collectRules, findLattices } from './pdfTables.ts';
import type { PageLine, TextPiece } from './pdfText.ts';
import { groupLines, joinLines, joinPieces, lineCells, paragraphs, pieceCentre } from './pdfText.ts';

/**
 * Reads a PDF with a text layer (pdf.js, legacy build for Node, with the CMaps and
 * standard fonts it needs for Chinese text). Ruled tables become rows of positioned
 * cells; other text becomes paragraphs. A PDF without text (a scan) and one with a
 * password are refused with a message saying so.
 */

/** More pages than any annual report has; a larger PDF is refused rather than read for minutes. */
const MAX_PAGES = 500;

function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

interface PdfTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
}

function piecesOf(items: readonly unknown[]): TextPiece[] {
  return items
    .filter((i): i is PdfTextItem => typeof (i as PdfTextItem).str === 'string' && Array.isArray((i as PdfTextItem).transform))
    .filter((i) => i.str !== '')
    .map((i) => {
      const [a, b, , , x, y] = i.transform as [number, number, number, number, number, number];
      const size = Math.hypot(a, b) || 1;
      return { str: restoreIdeographs(i.str), x0: x, x1: x + i.width, baseline: y, size };
    });
}

/** How far glyphs reach below the baseline and above it, in font sizes (as PDF viewers and pdftotext draw text boxes). */
const DESCENT = 0.12;
const ASCENT = 0.88;

/** The box around printed pieces, from the page's lower-left corner (`origin`: the corner in user space). */
function piecesBox(pieces: readonly TextPiece[], page: number, origin: Point): PageBox | undefined {
  const printed = pieces.filter((p) => p.str.trim() !== '');
  if (!printed.length) return undefined;
  const left = Math.min(...printed.map((p) => p.x0));
  const right = Math.max(...printed.map((p) => p.x1));
  const bottom = Math.min(...printed.map((p) => p.baseline - DESCENT * p.size));
  const top = Math.max(...printed.map((p) => p.baseline + ASCENT * p.size));
  return { page, x: left - origin.x, y: bottom - origin.y, width: right - left, height: top - bottom };
}

function cellBox(cell: LatticeCell, page: number, origin: Point): PageBox {
  return { page, x: cell.left - origin.x, y: cell.bottom - origin.y, width: cell.right - cell.left, height: cell.top - cell.bottom };
}

interface Point {
  readonly x: number;
  readonly y: number;
}

function inside(cell: { left: number; right: number; top: number; bottom: number }, point: { x: number; y: number }): boolean {
  return point.x >= cell.left && point.x <= cell.right && point.y <= cell.top && point.y >= cell.bottom;
}

/** A ruled table as rows of cells; a cell spanning rows repeats on each as a continuation. */
function latticeLines(lattice: Lattice, pieces: readonly TextPiece[], table: number, page: number, origin: Point): SourceLine[] {
  const texts = lattice.cells.map((cell) => {
    const own = pieces.filter((p) => inside(cell, pieceCentre(p)));
    return { text: joinLines(groupLines(own).map((l) => joinPieces(l.pieces))), box: piecesBox(own, page, origin) ?? cellBox(cell, page, origin) };
  });
  const lines: SourceLine[] = [];
  for (let row = 0; row < lattice.rows; row++) {
    const cells: SourceCell[] = [];
    lattice.cells.forEach((cell, i) => {
      if (row < cell.row || row >= cell.row + cell.rowSpan) return;
      cells.push({ ...texts[i]!, x0: cell.left, x1: cell.right, ...(row > cell.row ? { continued: true } : {}) });
    });
    if (cells.some((c) => !c.continued)) lines.push({ cells: cells.sort((a, b) => a.x0! - b.x0!), table, page });
  }
  return lines;
}

/** A line of text outside ruled tables, with each piece and where its page starts in user space. */
interface TextBlockLine extends PageLine {
  readonly origin: Point;
}

type Block = { readonly top: number; readonly lines: SourceLine[] } | { readonly top: number; readonly text: TextBlockLine };

async function loadDocument(bytes: Uint8Array, name: string) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
      data: bytes.slice(),
      ...pdfjsAssets(),
      cMapPacked: true,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
  try {
    return { ok: true as const, pdfjs, task, document: await task.promise };
  } catch (error) {
    await task.destroy();
    const kind = (error as Error).name;
    if (kind === 'PasswordException') {
      return { ok: false as const, error: `“${name}”设置了打开密码，无法读取。请先用PDF阅读器输入密码打开，取消密码（或另存一份不加密的PDF）后再导入。` };
    }
    return { ok: false as const, error: `“${name}”已损坏或不是有效的PDF，无法读取（${(error as Error).message}）。请重新导出或下载该PDF后再试。` };
  }
}

export async function readPdf(bytes: Uint8Array, name: string): Promise<Result<SourceDocument>> {
  const loaded = await loadDocument(bytes, name);
  if (!loaded.ok) return loaded;
  const { pdfjs, task, document } = loaded;
  try {
    if (document.numPages > MAX_PAGES) {
      return { ok: false, error: `“${name}”有${document.numPages}页，超过${MAX_PAGES}页，不像是年度报告。` };
    }
    const blocks: { page: number; blocks: Block[] }[] = [];
    const textLines: PageLine[] = [];
    const pageSizes: PageSize[] = [];
    let tables = 0;
    let printed = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [left, bottom, right, top] = page.view as [number, number, number, number];
      const origin = { x: left, y: bottom };
      pageSizes.push({ width: right - left, height: top - bottom });
      const pieces = piecesOf((await page.getTextContent()).items);
      printed += pieces.filter((p) => p.str.trim() !== '').length;
      const operators = await page.getOperatorList();
      const lattices = findLattices(collectRules(operators.fnArray, operators.argsArray, pdfjs.OPS));
      const inTable = (p: TextPiece): boolean => lattices.some((l) => l.cells.some((c) => inside(c, pieceCentre(p))));
      const pageBlocks: Block[] = lattices.map((lattice) => ({
        top: lattice.top,
        lines: latticeLines(lattice, pieces.filter((p) => lattice.cells.some((c) => inside(c, pieceCentre(p)))), tables++, number, origin),
      }));
      for (const line of groupLines(pieces.filter((p) => !inTable(p)))) {
        const text = joinPieces(line.pieces);
        if (isPageNumber(text) || isDraftMark(text)) continue;
        const pageLine: TextBlockLine = { ...line, page: number, text, origin };
        textLines.push(pageLine);
        pageBlocks.push({ top: line.baseline + line.size, text: pageLine });
      }
      blocks.push({ page: number, blocks: pageBlocks.sort((a, b) => b.top - a.top) });
      page.cleanup();
    }
    if (printed === 0) {
      return {
        ok: false,
        error: `“${name}”中没有可读取的文字（共${document.numPages}页），可能是扫描件或图片转成的PDF。请改用原始的Word文件，或先用OCR软件把它识别成文字后再导入。`,
      };
    }
    return { ok: true, value: { format: 'pdf', lines: assemble(blocks, textLines), pages: document.numPages, pageSizes } };
  } catch (error) {
    return { ok: false, error: `“${name}”的内容已损坏，读到一半出错（${(error as Error).message}）。请重新导出或下载该PDF后再试。` };
  } finally {
    await task.destroy();
  }
}

/**
 * Puts pages back together in reading order: ruled tables as they are; text lines joined
 * into paragraphs, except from the first to the last line with wide gaps (a table
 * without rules), whose lines keep their cells and positions.
 */
function assemble(pages: readonly { page: number; blocks: readonly Block[] }[], textLines: readonly PageLine[]): SourceLine[] {
  const runs: (SourceLine[] | TextBlockLine[])[] = [];
  for (const { blocks } of pages) {
    for (const block of blocks) {
      const last = runs[runs.length - 1];
      if ('lines' in block) runs.push(block.lines);
      else if (last && last.length && 'text' in last[0]!) (last as TextBlockLine[]).push(block.text);
      else runs.push([block.text]);
    }
  }
  return runs.flatMap((run) => {
    if (!run.length || !('text' in run[0]!)) return run as SourceLine[];
    const lines = run as TextBlockLine[];
    const out: SourceLine[] = [];
    let prose: PageLine[] = [];
    const flush = (): void => {
      if (prose.length) out.push(...paragraphsOf(prose, textLines));
      prose = [];
    };
    const cellsOf = lines.map(lineCells);
    const firstRow = cellsOf.findIndex(isTableRow);
    const lastRow = cellsOf.length - 1 - [...cellsOf].reverse().findIndex(isTableRow);
    lines.forEach((line, i) => {
      if (firstRow !== -1 && i >= firstRow && i <= lastRow) {
        flush();
        const cells = cellsOf[i]!.map(({ text, x0, x1, pieces }) => ({ text, x0, x1, box: piecesBox(pieces, line.page, line.origin)! }));
        out.push({ cells, page: line.page });
      } else {
        prose.push(line);
      }
    });
    flush();
    return out;
  });
}

const FIGURE = /^[\d.,，－—-]+$/;

/** A line of a table without rules: three cells or more, or a label and a figure (a justified line of prose may have one wide gap). */
function isTableRow(cells: readonly { text: string }[]): boolean {
  return cells.length >= 3 || (cells.length === 2 && cells.some((c) => FIGURE.test(c.text)));
}

/** Paragraphs of a run of text lines, with the page's text edges taken from every text line of the document. */
function paragraphsOf(lines: readonly PageLine[], all: readonly PageLine[]): SourceLine[] {
  return paragraphs(lines, all).map((p) => paragraphLine(p.text, p.page));
}
