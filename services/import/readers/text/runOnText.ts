import { isBlockTable, tableById } from '../../../../shared/format/index.ts';
import type { ReportFormat, SectionDef, TableDef } from '../../../../shared/format/index.ts';
import { looseNorm } from '../../../../shared/text/labels.ts';
import { similarity } from '../../../../shared/text/similarity.ts';
import type { SourceCell, SourceLine } from '../../source.ts';

/**
 * A whole report on one line, as a web crawler's text content of a page gives it:
 * headings, paragraphs and tables run together, each table cell's text right after the
 * one before (`规章000行政规范性文件8855698第二十条第（五）项…`). Such a line is broken
 * where the format's section headings and the table's own labels are printed: a row
 * label with the figures printed right after it makes a row, every other label and the
 * text between labels a line of its own. Figures printed without anything between them
 * stay one cell marked `runTogether`: which digits belong to which cell is not printed,
 * and only the table reader, which knows the row's columns, can tell when it is certain.
 */

/** A heading with small differences from the format's (`行政法复议`) is still the heading. */
const HEADING_MIN_SIMILARITY = 0.8;
/** How many characters longer or shorter than the format's a printed heading may be. */
const HEADING_SLACK = 2;
/** A line this long is no report run together (a report has well under 100,000 characters). */
const MAX_RUN_ON_CHARS = 100_000;

/** Figures printed after a label: digits and their separators, runs separated by spaces. */
const FIGURE_RUN = /^[ \t\u3000]*(\d[\d.,，．]*(?:[ \t\u3000]+\d[\d.,，．]*)*)/;
/** A figure run ending a piece of text (`…尚未审结总计0 1 1 0 2`). */
const TRAILING_FIGURES = /(?<![\d.,，．])(\d[\d.,，．]*(?:[ \t\u3000]+\d[\d.,，．]*)*)[ \t\u3000]*$/;

/**
 * Punctuation made equal without changing the text's length, so that a position found in
 * the result is the same position in the printed text: brackets and stops in either width,
 * `1、` for `1.`, and every kind of quotation mark.
 */
function samePlace(text: string): string {
  return text
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/．/g, '.')
    .replace(/(?<=[0-9０-９])、/g, '.')
    .replace(/[“”"＂]/g, '"');
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where the section's heading is printed in the text from `from` on: its numeral, then the heading or a variant, give or take a few characters. */
function findHeading(text: string, section: SectionDef, from: number): Span | undefined {
  const forms = [section.heading, ...section.variants];
  const numeral = samePlace(section.numeral);
  const compared = samePlace(text);
  for (let at = compared.indexOf(numeral, from); at !== -1; at = compared.indexOf(numeral, at + 1)) {
    const after = at + numeral.length;
    let best: { end: number; score: number } | undefined;
    for (const form of forms) {
      const wanted = looseNorm(form);
      // The heading's first word must be there: a numeral opens many paragraphs and list items.
      if (text[after] !== form[section.numeral.length]) continue;
      for (let length = form.length - HEADING_SLACK; length <= form.length + HEADING_SLACK; length++) {
        const score = similarity(looseNorm(text.slice(at, at + length)), wanted);
        if (score >= HEADING_MIN_SIMILARITY && (!best || score > best.score)) best = { end: at + length, score };
      }
    }
    if (best) return { start: at, end: best.end };
  }
  return undefined;
}

/** The section headings printed in a line, in the format's order. */
function headingsIn(line: string, format: ReportFormat): { section: SectionDef; span: Span }[] {
  if (line.length > MAX_RUN_ON_CHARS) return [];
  const found: { section: SectionDef; span: Span }[] = [];
  let from = 0;
  for (const section of format.sections) {
    const span = findHeading(line, section, from);
    if (!span) continue;
    found.push({ section, span });
    from = span.end;
  }
  return found;
}

/** Whether a line holds a report run together: two section headings never share a line otherwise. */
export function isRunOnLine(line: string, format: ReportFormat): boolean {
  return line.length > 20 && headingsIn(line, format).length >= 2;
}

/** The figures of a run: cells as separated by spaces, or one cell whose digits run together. */
function figureCells(run: string): SourceCell[] {
  const parts = run.trim().split(/[ \t\u3000]+/);
  return parts.length > 1 ? parts.map((text) => ({ text })) : [{ text: parts[0]!, runTogether: true }];
}

function textLines(piece: string): SourceLine[] {
  const text = piece.trim();
  if (text === '') return [];
  const trailing = TRAILING_FIGURES.exec(text);
  if (!trailing) return [{ cells: [{ text }] }];
  const before = text.slice(0, trailing.index).trim();
  return [...(before ? [{ cells: [{ text: before }] }] : []), { cells: figureCells(trailing[1]!), printed: trailing[1]!, gapless: true }];
}

/** A header without its unit bracket, which varies with the wording the agency chose (`本年收费金额（单位：万元，保留4位小数）`). */
function withoutUnit(header: string): string {
  return header.replace(/\s*[（(][^（(]*$/, '');
}

/** Every label a table prints (captions, headers, row labels), and which of them start a row of figures. */
function tableWords(table: TableDef): { words: string[]; rowLabels: Set<string> } {
  if (isBlockTable(table)) {
    const rowLabels = table.blocks.flatMap((b) => b.rows.map((r) => r.label));
    const words = table.blocks.flatMap((b) => [b.caption, b.labelHeader, ...b.columns.map((c) => withoutUnit(c.label)), ...b.rows.map((r) => r.label)]);
    return { words, rowLabels: new Set(rowLabels.map(samePlace)) };
  }
  const rowLabels = table.rows.filter((r) => r.path.length > 0).map((r) => r.path[r.path.length - 1]!);
  const words = [...table.rows.flatMap((r) => r.path), ...table.columns.flatMap((c) => c.path), ...(table.corner ? [table.corner] : [])];
  return { words, rowLabels: new Set(rowLabels.map(samePlace)) };
}

/**
 * A table section's text cut at every label of its table, leftmost first (the longest
 * where two start together: `3.其他` before `其他`). Each label's next occurrence is
 * kept and only looked for again once passed, so the text is scanned once per label.
 */
function tableLines(text: string, table: TableDef): SourceLine[] {
  const { words, rowLabels } = tableWords(table);
  const items = [...new Set(words.map(samePlace).filter((w) => w !== ''))];
  const compared = samePlace(text);
  const next = items.map((item) => compared.indexOf(item));
  const nextItem = (from: number): { at: number; item: string } | undefined => {
    let best: { at: number; item: string } | undefined;
    items.forEach((item, i) => {
      if (next[i] !== -1 && next[i]! < from) next[i] = compared.indexOf(item, from);
      const at = next[i]!;
      if (at !== -1 && (!best || at < best.at || (at === best.at && item.length > best.item.length))) best = { at, item };
    });
    return best;
  };
  const lines: SourceLine[] = [];
  let cursor = 0;
  for (let found = nextItem(0); found; found = nextItem(cursor)) {
    lines.push(...textLines(text.slice(cursor, found.at)));
    let end = found.at + found.item.length;
    const label = text.slice(found.at, end);
    if (rowLabels.has(found.item)) {
      const following = nextItem(end);
      const run = FIGURE_RUN.exec(text.slice(end, following?.at ?? text.length));
      const cells = run ? figureCells(run[1]!) : [];
      if (run) end += run[0].length;
      lines.push({ cells: [{ text: label }, ...cells], printed: text.slice(found.at, end), gapless: true });
    } else {
      lines.push({ cells: [{ text: label }] });
    }
    cursor = end;
  }
  lines.push(...textLines(text.slice(cursor)));
  return lines;
}

/** The lines of a report run together on one line: headings, paragraphs, and table rows. */
export function breakRunOnLine(line: string, format: ReportFormat): SourceLine[] {
  const headings = headingsIn(line, format);
  const lines: SourceLine[] = [];
  const paragraph = (text: string): void => {
    if (text.trim()) lines.push({ cells: [{ text: text.trim() }] });
  };
  paragraph(line.slice(0, headings[0]?.span.start ?? line.length));
  headings.forEach(({ section, span }, i) => {
    lines.push({ cells: [{ text: line.slice(span.start, span.end).trim() }] });
    const body = line.slice(span.end, headings[i + 1]?.span.start ?? line.length);
    if (section.table) lines.push(...tableLines(body, tableById(format, section.table)));
    else paragraph(body);
  });
  return lines;
}
