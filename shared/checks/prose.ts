import { cellName, infoFeeSection, sectionOrdinal } from '../format/index.ts';
import type { NamedCells } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import { escapeRegExp } from '../text/escapeRegExp.ts';
import type { FindingDraft } from './finding.ts';
import type { RuleId } from './rules.ts';
import { quoteAround } from './quote.ts';

/**
 * Prose against tables (warnings): what a section's text says about applications, fees,
 * reviews and disclosed items, compared with the figures. Patterns are the phrasings
 * real reports use; a match is quoted in the message so the user can find it.
 */

interface Statement {
  readonly section: string;
  readonly quote: string;
  /** The words the pattern matched, and where they start in the section's text. */
  readonly words: string;
  readonly start: number;
  readonly number?: number;
}

function find(report: Report, pattern: RegExp): Statement[] {
  const statements: Statement[] = [];
  for (const [section, text] of Object.entries(report.sections)) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) {
      const digits = match.slice(1).find((g) => g !== undefined && /^\d+$/.test(g));
      statements.push({
        section,
        quote: quoteAround(text, match.index, match.index + match[0].length),
        words: match[0],
        start: match.index,
        ...(digits !== undefined ? { number: Number(digits) } : {}),
      });
    }
  }
  return statements;
}

/**
 * Words that name something other than a 政府信息公开 application where a pattern would
 * otherwise read "申请": 行政复议申请, a 信访 complaint. A statement about those is not a
 * statement about table 3.
 */
const NOT_DISCLOSURE_REQUEST = '(?!行政复议|复议|诉讼|信访|投诉|举报|听证)';
const NO_APPLICATIONS = new RegExp(
  '(?:无|没有|未发生|未收到|未接到|未受理)(?:任何)?(?:政府信息公开)?(?:的)?依申请公开|' +
    `未(?:收到|接到|受理)(?:${NOT_DISCLOSURE_REQUEST}[^。；\\n]){0,12}申请|依申请公开[^。；\\n]{0,6}(?:为|共)?(?:0|零)件`,
);
const APPLICATIONS_RECEIVED = new RegExp(`(?:收到|受理|接到|接收)(?:${NOT_DISCLOSURE_REQUEST}[^。；，,\\n]){0,14}申请(?:共|合计)?(\\d+)件`);
/**
 * "No fee of this name": not charged, none arose, or zero. The format names the fee: the
 * 信息处理费 charged under 《政府信息公开信息处理费管理办法》 and reported in section 六 (its
 * `infoFee.name`), or table 2's 行政事业性收费 (the row of the `feesCharged` cells, fees the
 * agency levies in its own administration). The two are different fees: each statement is
 * compared only with the figures of the fee it names.
 */
function noFeeNamed(name: string): RegExp {
  const fee = escapeRegExp(name);
  return new RegExp(`(?:未|没有|无|不)(?:收取|产生|发生)[^。；\\n]{0,8}${fee}|${fee}[^。；\\n\\d]{0,4}(?:为)?(?:0|零|无)(?![\\d.])`);
}
/** A bare "no fee" in the section holding the 信息处理费, where that fee is the subject. */
const NO_FEE_BARE = /(?:未|没有|无|不)(?:收取|产生|发生)(?:任何)?(?:相关)?费用/;
/**
 * "No review / litigation", in the words of the format's kinds of case (行政复议, 行政诉讼, or
 * their keywords after the first). 未经复议 is table 4's own label (direct litigation), not a
 * negation; "未被复议纠错" says no case was lost, not that there was none.
 */
function noCases(kinds: readonly NamedCells[]): RegExp | undefined {
  const names = kinds.map((k) => escapeRegExp(k.name));
  if (names.length === 0) return undefined;
  const words = [...names, ...kinds.flatMap((k) => (k.keyword === undefined ? [] : [escapeRegExp(k.keyword)]))];
  return new RegExp(
    `(?:未(?!经)|没有|无)(?:发生|出现|收到)?[^。；\\n]{0,16}?(?:${names.join('|')})(?:[、和及或与]?(?:${words.join('|')}))?(?![^。；，,\\n]{0,6}(?:纠错|纠正|撤销|败诉|确认违法))`,
  );
}
/** Items proactively disclosed; 依申请 / 予以公开 / 部分公开 are answers to requests (table 3). */
const DISCLOSED_ITEMS = /(?<!申请|予以|部分|不予)(?:主动)?公开(?:政府)?信息[^，。；\d\n]{0,8}?(\d+)条/;
/** Words that make a count of disclosed items the whole year's: 全区共…, 总数, 全年. */
const WHOLE_COUNT = /共|总数|总计|合计|累计|全年|全区|全县|全市|全省|全镇|各类/;
/**
 * Words that make it one part of the whole: the items of a 专栏 or a 领域 (real reports:
 * "…区域规划专栏，本年度公开信息77条" beside "全区共主动公开政府信息14571条").
 */
const PART_COUNT = /专栏|栏目|专题|领域|板块|其中/;
const CLAUSE_END = /[，,；;。\n]/g;

/** The statement's clause (up to its words' end) and the clause before it. */
function clausesOf(text: string, statement: Statement): { own: string; before: string } {
  const ends = [...text.slice(0, statement.start).matchAll(CLAUSE_END)].map((m) => m.index + 1);
  const ownStart = ends[ends.length - 1] ?? 0;
  const beforeStart = ends[ends.length - 2] ?? 0;
  return { own: text.slice(ownStart, statement.start + statement.words.length), before: text.slice(beforeStart, ownStart) };
}

/** A count of one 专栏's or 领域's items, not of the year's: neither too few nor a contradiction of the total. */
function isPartCount(report: Report, statement: Statement): boolean {
  const { own, before } = clausesOf(report.sections[statement.section] ?? '', statement);
  return !WHOLE_COUNT.test(own) && (PART_COUNT.test(own) || PART_COUNT.test(before));
}

function finding(rule: RuleId, statement: Statement, message: string, cells: readonly string[]): FindingDraft {
  return {
    id: rule,
    rule,
    severity: 'warning',
    location: { section: statement.section, cells, words: { start: statement.start, text: statement.words } },
    message,
  };
}

/** A named group of cells: its keys, the sum of their figures (blank as 0), and how a message says it (`表三本年新收…总计`). */
function named(figures: Figures, cells: NamedCells | undefined) {
  if (!cells) return undefined;
  const first = figures.get(cells.keys[0]!).cell;
  const value = cells.keys.reduce((sum, key) => sum + (figures.value(key) ?? 0), 0);
  const blank = cells.keys.every((key) => figures.value(key) === null);
  return { keys: cells.keys, value, blank, first, table: first.tableName, said: `${first.tableName}${cells.name}`, unit: first.unit };
}

/** P-NO-FEES: "no 信息处理费" while the section holding them reports notices or money collected. */
function infoFeeFindings(report: Report, figures: Figures): FindingDraft[] {
  const fees = infoFeeSection(figures.format);
  if (!fees) return [];
  const { section, words } = fees;
  const feeFigures = words.figures
    .map((f) => ({ ...f, value: Number(report.infoFee[f.field] ?? 0) || 0, cell: `infoFee.${f.field}` }))
    .filter((f) => f.value > 0);
  if (!feeFigures.length) return [];
  const statement = find(report, noFeeNamed(words.name))[0] ?? find(report, NO_FEE_BARE).find((s) => s.section === section.key);
  if (!statement) return [];
  const shown = feeFigures.map((f) => `${f.what}${f.value}${f.unit}`).join('、');
  const part = sectionOrdinal(section);
  const charged = named(figures, figures.format.relations.feesCharged);
  const apart = charged ? `（${charged.table}的${charged.first.rowLabel}是另一回事，不在此比较）` : '';
  return [
    finding(
      'P-NO-FEES',
      statement,
      `正文说“${statement.quote}”，但${part}${words.name}填的是${shown}。请核对正文或${part}的${words.name}${apart}。`,
      feeFigures.map((f) => f.cell),
    ),
  ];
}

/** P-NO-ADMIN-FEES: "no 行政事业性收费" while table 2 shows an amount. */
function adminFeeFindings(report: Report, figures: Figures): FindingDraft[] {
  const fees = named(figures, figures.format.relations.feesCharged);
  if (!fees || fees.blank || fees.value <= 0) return [];
  const [statement] = find(report, noFeeNamed(cellName(fees.first, 'inColumn')));
  if (!statement) return [];
  return [
    finding('P-NO-ADMIN-FEES', statement, `正文说“${statement.quote}”，但${fees.said}为${fees.value}${fees.unit}。请核对正文或${fees.table}。`, fees.keys),
  ];
}

/** P-NO-REVIEW: "no review / litigation" while table 4 has such cases; each word against its own columns. */
function reviewFindings(report: Report, figures: Figures): FindingDraft[] {
  const kinds = figures.format.relations.cases ?? [];
  const pattern = noCases(kinds);
  for (const statement of pattern ? find(report, pattern) : []) {
    const said = kinds.filter((kind) => kind.keyword !== undefined && statement.words.includes(kind.keyword));
    const cells = said.flatMap((kind) => kind.keys);
    const cases = cells.reduce((sum, key) => sum + (figures.value(key) ?? 0), 0);
    if (cases > 0) {
      const table = figures.get(cells[0]!).cell.tableName;
      return [finding('P-NO-REVIEW', statement, `正文说“${statement.quote}”，但${table}${said.map((kind) => kind.name).join('、')}共${cases}件。请核对正文或${table}。`, cells)];
    }
  }
  return [];
}

/** `previous`: last year's report, to tell a figure left from last year from a wrong one. */
export function proseFindings(report: Report, figures: Figures, previous?: { report: Report; figures: Figures }): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const { relations } = figures.format;
  const applications = named(figures, relations.applicationsReceived);
  const received = applications && !applications.blank ? applications.value : null;
  if (applications && received !== null && received > 0) {
    const [statement] = find(report, NO_APPLICATIONS);
    if (statement) {
      findings.push(
        finding('P-NO-APPLICATIONS', statement, `正文说“${statement.quote}”，但${applications.said}为${received}件。请核对正文或${applications.table}。`, applications.keys),
      );
    }
  }
  if (applications && received !== null) {
    for (const statement of find(report, APPLICATIONS_RECEIVED)) {
      if (statement.number === received) continue;
      const before = previous && named(previous.figures, previous.figures.format.relations.applicationsReceived);
      const stale = previous !== undefined && before !== undefined && !before.blank && before.value === statement.number;
      findings.push(
        stale
          ? finding('X-STALE-FIGURE', statement, `正文说“${statement.quote}”，这是${previous.report.year}年的数字；${applications.said}为${received}件。请改为本年的数字。`, applications.keys)
          : finding('P-APPLICATIONS-COUNT', statement, `正文说“${statement.quote}”（${statement.number}件），但${applications.said}为${received}件。请核对。`, applications.keys),
      );
      break;
    }
  }
  findings.push(...infoFeeFindings(report, figures), ...adminFeeFindings(report, figures));
  findings.push(...reviewFindings(report, figures));
  const disclosed = find(report, DISCLOSED_ITEMS).filter((statement) => !isPartCount(report, statement));
  const issued = named(figures, relations.documentsIssued);
  const tooFew = issued && disclosed.find((s) => s.number !== undefined && s.number < issued.value);
  if (issued && tooFew) {
    findings.push(
      finding('P-DISCLOSED-COUNT', tooFew, `正文说“${tooFew.quote}”（${tooFew.number}条），但${issued.said}就有${issued.value}件，均应主动公开。请核对。`, issued.keys),
    );
  }
  const numbers = [...new Set(disclosed.map((s) => s.number))];
  if (numbers.length > 1) {
    const quotes = disclosed.map((s) => `“${s.quote}”`).join('与');
    findings.push(finding('P-DISCLOSED-CONFLICT', disclosed[0]!, `正文中公开信息的条数前后不一：${quotes}（${numbers.join('条、')}条）。请统一。`, []));
  }
  return findings;
}
