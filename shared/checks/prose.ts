import type { Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import type { Finding } from './finding.ts';
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
 * "No 信息处理费": the fee charged under 《政府信息公开信息处理费管理办法》 and reported in
 * section 六. It is not table 2's 行政事业性收费 (fees the agency levies in its own
 * administration), so only a statement that names 信息处理费, or a bare "no fee" in
 * section 六 where that fee is the subject, is compared with 六's figures.
 */
const NO_INFO_FEE = /(?:未|没有|无|不)(?:收取|产生|发生)[^。；\n]{0,8}信息处理费|信息处理费[^。；\n\d]{0,4}(?:为)?(?:0|零|无)(?![\d.])/;
const NO_FEE_BARE = /(?:未|没有|无|不)(?:收取|产生|发生)(?:任何)?(?:相关)?费用/;
/** "No 行政事业性收费", compared with table 2's fee amount. */
const NO_ADMIN_FEES = /(?:未|没有|无|不)(?:收取|产生|发生)[^。；\n]{0,8}行政事业性收费|行政事业性收费[^。；\n\d]{0,4}(?:为)?(?:0|零|无)(?![\d.])/;
/**
 * "No review / litigation". 未经复议 is table 4's own label (direct litigation), not a
 * negation; "未被复议纠错" says no case was lost, not that there was none.
 */
const NO_REVIEW = /(?:未(?!经)|没有|无)(?:发生|出现|收到)?[^。；\n]{0,16}?行政(?:复议|诉讼)(?:[、和及或与]?(?:行政)?(?:复议|诉讼))?(?![^。；，,\n]{0,6}(?:纠错|纠正|撤销|败诉|确认违法))/;
/** Items proactively disclosed; 依申请 / 予以公开 / 部分公开 are answers to requests (table 3). */
const DISCLOSED_ITEMS = /(?<!申请|予以|部分|不予)(?:主动)?公开(?:政府)?信息[^，。；\d\n]{0,8}?(\d+)条/;

/** The section whose subject is 信息处理费 (and where it is reported). */
const INFO_FEE_SECTION = 'other';
const ADMIN_FEE_CELL = 't2.fees';
const REVIEW_TOTALS = ['t4.review.total', 't4.litigationDirect.total', 't4.litigationAfterReview.total'];

function finding(id: string, statement: Statement, message: string, cells: readonly string[]): Finding {
  return {
    id,
    rule: id.split('.')[0]!,
    severity: 'warning',
    location: { section: statement.section, cells, words: { start: statement.start, text: statement.words } },
    message,
  };
}

/** P-NO-FEES: "no 信息处理费" while section 六 reports notices or money collected. */
function infoFeeFindings(report: Report): Finding[] {
  const fee = report.infoFee;
  const feeFigures = (
    [
      { what: '发出收费通知', value: fee.noticesIssued, unit: '件', cell: 'infoFee.noticesIssued' },
      { what: '收费通知总金额', value: fee.noticeAmountYuan, unit: '元', cell: 'infoFee.noticeAmountYuan' },
      { what: '实际收取的信息处理费', value: fee.collectedYuan, unit: '元', cell: 'infoFee.collectedYuan' },
    ] as const
  )
    .map((f) => ({ ...f, value: Number(f.value ?? 0) || 0 }))
    .filter((f) => f.value > 0);
  if (!feeFigures.length) return [];
  const statement = find(report, NO_INFO_FEE)[0] ?? find(report, NO_FEE_BARE).find((s) => s.section === INFO_FEE_SECTION);
  if (!statement) return [];
  const shown = feeFigures.map((f) => `${f.what}${f.value}${f.unit}`).join('、');
  return [
    finding(
      'P-NO-FEES',
      statement,
      `正文说“${statement.quote}”，但第六部分信息处理费填的是${shown}。请核对正文或第六部分的信息处理费（表二的行政事业性收费是另一回事，不在此比较）。`,
      feeFigures.map((f) => f.cell),
    ),
  ];
}

/** P-NO-ADMIN-FEES: "no 行政事业性收费" while table 2 shows an amount. */
function adminFeeFindings(report: Report, figures: Figures): Finding[] {
  const amount = figures.value(ADMIN_FEE_CELL);
  const [statement] = find(report, NO_ADMIN_FEES);
  if (!statement || amount === null || amount <= 0) return [];
  return [
    finding('P-NO-ADMIN-FEES', statement, `正文说“${statement.quote}”，但表二行政事业性收费金额为${amount}万元。请核对正文或表二。`, [ADMIN_FEE_CELL]),
  ];
}

/** P-NO-REVIEW: "no review / litigation" while table 4 has such cases; each word against its own columns. */
function reviewFindings(report: Report, figures: Figures): Finding[] {
  const totals = { 行政复议: REVIEW_TOTALS.slice(0, 1), 行政诉讼: REVIEW_TOTALS.slice(1) };
  for (const statement of find(report, NO_REVIEW)) {
    const named = (Object.keys(totals) as (keyof typeof totals)[]).filter((word) => statement.words.includes(word.slice(2)));
    const cells = named.flatMap((word) => totals[word]);
    const cases = cells.reduce((sum, key) => sum + (figures.value(key) ?? 0), 0);
    if (cases > 0) {
      return [finding('P-NO-REVIEW', statement, `正文说“${statement.quote}”，但表四${named.join('、')}共${cases}件。请核对正文或表四。`, cells)];
    }
  }
  return [];
}

/** `previous`: last year's report, to tell a figure left from last year from a wrong one. */
export function proseFindings(report: Report, figures: Figures, previous?: { report: Report; figures: Figures }): Finding[] {
  const findings: Finding[] = [];
  const received = figures.value('t3.newReceived.total');
  if (received !== null && received > 0) {
    const [statement] = find(report, NO_APPLICATIONS);
    if (statement) {
      findings.push(
        finding('P-NO-APPLICATIONS', statement, `正文说“${statement.quote}”，但表三本年新收政府信息公开申请总计为${received}件。请核对正文或表三。`, ['t3.newReceived.total']),
      );
    }
  }
  if (received !== null) {
    for (const statement of find(report, APPLICATIONS_RECEIVED)) {
      if (statement.number === received) continue;
      const stale = previous !== undefined && previous.figures.value('t3.newReceived.total') === statement.number;
      findings.push(
        stale
          ? finding('X-STALE-FIGURE', statement, `正文说“${statement.quote}”，这是${previous.report.year}年的数字；本年新收申请总计为${received}件。请改为本年的数字。`, ['t3.newReceived.total'])
          : finding('P-APPLICATIONS-COUNT', statement, `正文说“${statement.quote}”（${statement.number}件），但表三本年新收申请总计为${received}件。请核对。`, ['t3.newReceived.total']),
      );
      break;
    }
  }
  findings.push(...infoFeeFindings(report), ...adminFeeFindings(report, figures));
  findings.push(...reviewFindings(report, figures));
  const disclosed = find(report, DISCLOSED_ITEMS);
  const issuedKeys = ['t2.regulations.issued', 't2.normativeDocuments.issued'];
  const issued = issuedKeys.reduce((sum, key) => sum + (figures.value(key) ?? 0), 0);
  const tooFew = disclosed.find((s) => s.number !== undefined && s.number < issued);
  if (tooFew) {
    findings.push(
      finding('P-DISCLOSED-COUNT', tooFew, `正文说“${tooFew.quote}”（${tooFew.number}条），但表二本年制发的规章和行政规范性文件就有${issued}件，均应主动公开。请核对。`, issuedKeys),
    );
  }
  const numbers = [...new Set(disclosed.map((s) => s.number))];
  if (numbers.length > 1) {
    const quotes = disclosed.map((s) => `“${s.quote}”`).join('与');
    findings.push(finding('P-DISCLOSED-CONFLICT', disclosed[0]!, `正文中公开信息的条数前后不一：${quotes}（${numbers.join('条、')}条）。请统一。`, []));
  }
  return findings;
}
