import { crossCellKey, infoFeeSection, sectionOrdinal } from '../format/index.ts';
import type { ReportFormat } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { InfoFee } from '../model/report.ts';
import { changeWords, formatFigure } from './change.ts';
import { casesTable, figurePhrases, requestsTable, resultGroups } from './figurePhrases.ts';
import type { FigurePhrase } from './figurePhrases.ts';

/**
 * Standard sentences written from the figures, in the wording clerks use, with the
 * change since last year where last year's report is known. Inserted as ordinary text:
 * the prose rules read their figures back like any other. A sentence whose figures are
 * not all filled in is not written (never a guessed figure).
 */

export interface YearFigures {
  readonly figures: Figures;
  readonly infoFee: InfoFee;
}

/**
 * Each kind of sentence with how the editor's menu names it (the table or section it comes
 * from); undefined when the format has nothing to write it from (no such table or fee).
 */
export const SENTENCE_KINDS = {
  requests: (format: ReportFormat): string | undefined => {
    const table = requestsTable(format);
    return table && `${table.subject}（收到申请）`;
  },
  results: (format: ReportFormat): string | undefined => {
    const table = requestsTable(format);
    const results = table?.rows.find((r) => r.sumOfRows)?.partsName;
    return table && results !== undefined ? `${results}（${table.shortName}）` : undefined;
  },
  reviewLitigation: (format: ReportFormat): string | undefined => {
    const table = casesTable(format);
    return table && `${(format.relations.cases ?? []).map((c) => c.name).join('和')}（${table.shortName}）`;
  },
  infoFee: (format: ReportFormat): string | undefined => {
    const fees = infoFeeSection(format);
    return fees && `${fees.words.name}（${sectionOrdinal(fees.section)}）`;
  },
} as const;
export type SentenceKind = keyof typeof SENTENCE_KINDS;

class Missing extends Error {}

function writer(format: ReportFormat, now: YearFigures, before: YearFigures | undefined) {
  const phrases = figurePhrases(format);
  const phrase = (id: string): FigurePhrase => {
    const found = phrases.find((p) => p.id === id);
    if (!found) throw new Missing();
    return found;
  };
  const valueOf = (p: FigurePhrase, year: YearFigures) => p.value(year.figures, year.infoFee);
  const figure = (p: FigurePhrase): number => {
    const value = valueOf(p, now);
    if (value === null) throw new Missing();
    return value;
  };
  /** `予以公开20件` */
  const stated = (p: FigurePhrase): string => `${p.words}${formatFigure(figure(p))}${p.unit}`;
  /** `，较上年增加12件，增长8.3%` when last year's figure is known. */
  const change = (p: FigurePhrase): string => {
    const last = before ? valueOf(p, before) : null;
    return last === null ? '' : `，${changeWords(figure(p), last, p.unit)}`;
  };
  const cell = (key: string): number => {
    const value = now.figures.value(key);
    if (value === null) throw new Missing();
    return value;
  };
  const lastYear = (p: FigurePhrase): number | null => (before ? valueOf(p, before) : null);
  return { phrase, stated, change, cell, figure, lastYear };
}

function requests(format: ReportFormat, now: YearFigures, before: YearFigures | undefined): string {
  const w = writer(format, now, before);
  const { keys: [receivedKey] = [], keyword } = format.relations.applicationsReceived ?? {};
  if (receivedKey === undefined || keyword === undefined) throw new Missing();
  const received = w.cell(receivedKey);
  const lastReceived = before?.figures.value(receivedKey) ?? null;
  const receivedChange = lastReceived === null ? '' : `，${changeWords(received, lastReceived, '件')}`;
  return (
    `本年度共${keyword}${received}件${receivedChange}，其中${w.stated(w.phrase('person'))}，${w.stated(w.phrase('organisations'))}；` +
    `${w.stated(w.phrase('carryOver.to'))}。`
  );
}

function results(format: ReportFormat, now: YearFigures, before: YearFigures | undefined): string {
  const w = writer(format, now, before);
  const table = requestsTable(format);
  if (!table) throw new Missing();
  const groups = resultGroups(table).map((g) => w.phrase(`result.${g.rowKeys[0]}`));
  const results = table.rows.find((r) => r.sumOfRows)?.partsName;
  if (results === undefined) throw new Missing();
  return `${results}：${groups.map(w.stated).join('，')}；${w.stated(w.phrase('carryOver.from'))}。`;
}

function reviewLitigation(format: ReportFormat, now: YearFigures, before: YearFigures | undefined): string {
  const table = casesTable(format);
  if (!table) throw new Missing();
  const casesRow = table.rows[0]!.key;
  const w = writer(format, now, before);
  const [review, litigation] = [w.phrase('review'), w.phrase('litigation')];
  if (w.figure(review) === 0 && w.figure(litigation) === 0) {
    const lastCases = (w.lastYear(review) ?? 0) + (w.lastYear(litigation) ?? 0);
    return `本年度未发生因政府信息公开工作${review.words}、${litigation.words}的情况${lastCases > 0 ? `（上年共${lastCases}件）` : ''}。`;
  }
  const outcomes = (group: string) =>
    table.columns
      .filter((c) => !c.isTotal && c.key.startsWith(`${group}.`))
      .map((c) => `${c.path[c.path.length - 1]}${w.cell(crossCellKey(table, casesRow, c.key))}件`)
      .join('，');
  // Column keys are `<group>.<outcome>`; the review group has no sub-header, each litigation group has one.
  const groupTotals = table.columns.filter((c) => c.isTotal);
  const reviewGroup = groupTotals.find((c) => c.path.length === 2)!.key.split('.')[0]!;
  const litigationOutcomes = groupTotals
    .filter((c) => c.path.length === 3)
    .map((c) => `${c.path[1]}${w.cell(crossCellKey(table, casesRow, c.key))}件（${outcomes(c.key.split('.')[0]!)}）`)
    .join('，');
  return (
    `本年度因政府信息公开工作${w.stated(review)}${w.change(review)}（${outcomes(reviewGroup)}）；` +
    `${w.stated(litigation)}${w.change(litigation)}，其中${litigationOutcomes}。`
  );
}

/** The format's fee sentence, with the change in the last figure (the amount collected). */
function infoFee(format: ReportFormat, now: YearFigures, before: YearFigures | undefined): string {
  const words = format.infoFee;
  if (!words) throw new Missing();
  const w = writer(format, now, before);
  const phrases = words.figures.map((f) => w.phrase(`fee.${f.field}`));
  if (phrases.every((p) => w.figure(p) === 0)) return words.sentence.none;
  const last = phrases[phrases.length - 1]!;
  return `${words.sentence.lead}${phrases.map(w.stated).join('，')}${w.change(last)}。`;
}

const WRITERS: Readonly<Record<SentenceKind, typeof requests>> = { requests, results, reviewLitigation, infoFee };

/** The sentence of a kind, or undefined while a figure it needs is blank or not a figure. */
export function figureSentence(kind: SentenceKind, format: ReportFormat, now: YearFigures, before?: YearFigures): string | undefined {
  try {
    return WRITERS[kind](format, now, before);
  } catch (error) {
    if (error instanceof Missing) return undefined;
    throw error;
  }
}
