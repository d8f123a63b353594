/**
 * Text of a PDF page from positioned text pieces: pieces on the same baseline form a
 * line, lines form paragraphs. Coordinates are PDF points with y upwards.
 *
 * Spaces: pdf.js inserts a space wherever glyphs are spaced apart, which justified and
 * letter-spaced Chinese text does everywhere; Chinese text has no spaces, so spaces
 * between two Chinese characters are dropped, and a space piece narrower than a real
 * space (a fifth of the font size) is not a space.
 */

export interface TextPiece {
  readonly str: string;
  readonly x0: number;
  readonly x1: number;
  readonly baseline: number;
  /** Font size in points. */
  readonly size: number;
}

export interface TextLine {
  readonly pieces: readonly TextPiece[];
  readonly baseline: number;
  readonly size: number;
  readonly x0: number;
  readonly x1: number;
}

const SAME_LINE = 0.4;
const REAL_SPACE = 0.2;
/** A gap this many font sizes wide separates the cells of a table printed without rules. */
const CELL_GAP = 0.6;

/** The point inside a piece used to tell which table cell it is in. */
export function pieceCentre(piece: TextPiece): { x: number; y: number } {
  return { x: (piece.x0 + piece.x1) / 2, y: piece.baseline + piece.size * 0.3 };
}

function isBlank(piece: TextPiece): boolean {
  return piece.str.trim() === '';
}

/** Groups pieces into lines, top to bottom, each line's pieces left to right. */
export function groupLines(pieces: readonly TextPiece[]): TextLine[] {
  const sorted = [...pieces].sort((a, b) => b.baseline - a.baseline || a.x0 - b.x0);
  const lines: TextPiece[][] = [];
  for (const piece of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.baseline - piece.baseline) <= SAME_LINE * Math.max(l[0]!.size, piece.size));
    if (line) line.push(piece);
    else lines.push([piece]);
  }
  return lines
    .map((l) => l.sort((a, b) => a.x0 - b.x0))
    .filter((l) => l.some((p) => !isBlank(p)))
    .map((l) => {
      const printed = l.filter((p) => !isBlank(p));
      return {
        pieces: l,
        baseline: printed[0]!.baseline,
        size: Math.max(...printed.map((p) => p.size)),
        x0: Math.min(...printed.map((p) => p.x0)),
        x1: Math.max(...printed.map((p) => p.x1)),
      };
    })
    .sort((a, b) => b.baseline - a.baseline);
}

const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2014\\u2026\\u201C\\u201D\\u2018\\u2019\\u00B7';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');
/** Word processors space digits apart from Chinese (`2023 年`); the text has no space there. */
const SPACE_BETWEEN_DIGIT_AND_CJK = new RegExp(`(?<=\\d)\\s+(?=\\p{Script=Han})|(?<=\\p{Script=Han})\\s+(?=\\d)`, 'gu');
const ASCII_WORD = /[A-Za-z0-9]/;

/** Removes the spaces Chinese text does not have, and runs of spaces. */
function tidySpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '').replace(SPACE_BETWEEN_DIGIT_AND_CJK, '').replace(/\s{2,}/g, ' ').trim();
}

/** Joins pieces of one line: spaces only where a real space is printed (or two words are apart). */
export function joinPieces(pieces: readonly TextPiece[]): string {
  let text = '';
  let previous: TextPiece | undefined;
  for (const piece of pieces) {
    if (isBlank(piece)) {
      if (piece.x1 - piece.x0 >= REAL_SPACE * piece.size) text += ' ';
      continue;
    }
    const gap = previous ? piece.x0 - previous.x1 : 0;
    if (previous && gap > REAL_SPACE * piece.size && ASCII_WORD.test(text.slice(-1)) && ASCII_WORD.test(piece.str[0] ?? '')) text += ' ';
    text += piece.str;
    previous = piece;
  }
  return tidySpaces(text);
}

/** Joins the lines of one block of text (a table cell, a paragraph): no break between Chinese characters. */
export function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => {
    if (text === '') return line;
    const spaced = ASCII_WORD.test(text.slice(-1)) && ASCII_WORD.test(line[0] ?? '');
    return `${text}${spaced ? ' ' : ''}${line}`;
  }, '');
}

/** Splits a line at wide gaps into cells (a table printed without rules), with their extents and pieces. */
export function lineCells(line: TextLine): { text: string; x0: number; x1: number; pieces: readonly TextPiece[] }[] {
  const groups: TextPiece[][] = [];
  for (const piece of line.pieces) {
    if (isBlank(piece)) {
      groups[groups.length - 1]?.push(piece);
      continue;
    }
    const group = groups[groups.length - 1];
    const last = group?.filter((p) => !isBlank(p)).pop();
    if (group && last && piece.x0 - last.x1 < CELL_GAP * line.size) group.push(piece);
    else groups.push([piece]);
  }
  return groups.map((g) => {
    const printed = g.filter((p) => !isBlank(p));
    return { text: joinPieces(g), x0: printed[0]!.x0, x1: printed[printed.length - 1]!.x1, pieces: g };
  });
}

export interface PageLine extends TextLine {
  readonly page: number;
  readonly text: string;
}

/**
 * Where body text starts and ends horizontally: nearly the leftmost start and the
 * rightmost end of all lines (a few outliers, such as a wide table caption, aside).
 */
function textBlock(lines: readonly PageLine[]): { left: number; right: number } {
  const starts = lines.map((l) => l.x0).sort((a, b) => a - b);
  const ends = lines.map((l) => l.x1).sort((a, b) => b - a);
  const outliers = Math.floor(lines.length * 0.02);
  return { left: starts[outliers] ?? 0, right: ends[outliers] ?? 0 };
}

const INDENT = 0.8;
/** A section heading (`一、`) starts a paragraph even where nothing is indented. */
const HEADING_START = /^[一二三四五六七八九十]{1,2}、/;
const SHORT_LINE = 1.5;
const SIZE_CHANGE = 0.1;

/**
 * Joins wrapped lines into paragraphs. A line starts a paragraph when it is indented
 * (first lines are; continuation lines start at the left edge), when the line before
 * ended short of the right edge, or when the type size changes (title, headings). The
 * edges are those most `reference` lines share (all body text of the document).
 */
export function paragraphs(lines: readonly PageLine[], reference: readonly PageLine[] = lines): { text: string; page: number }[] {
  const block = textBlock(reference);
  const out: { text: string; page: number; last: PageLine }[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    const continues =
      previous !== undefined &&
      !HEADING_START.test(line.text) &&
      line.x0 <= block.left + INDENT * line.size &&
      previous.last.x1 >= block.right - SHORT_LINE * previous.last.size &&
      Math.abs(line.size - previous.last.size) <= SIZE_CHANGE * line.size;
    if (continues) {
      previous.text = joinLines([previous.text, line.text]);
      previous.last = line;
    } else {
      out.push({ text: line.text, page: line.page, last: line });
    }
  }
  return out.map(({ text, page }) => ({ text, page }));
}
