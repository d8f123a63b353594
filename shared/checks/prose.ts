import type { Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import type { Finding } from './finding.ts';

/**
 * Prose against tables (warnings): what a section's text says about applications, fees,
 * reviews and disclosed items, compared with the figures. Patterns are the phrasings
 * real reports use; a match is quoted in the message so the user can find it.
 */

const SENTENCE_END = /[。；;！!？?\n]/;

interface Statement {
  readonly section: string;
  readonly quote: string;
  readonly number?: number;
}

/** The match with a little of its sentence on each side, for quoting in a message. */
function quoteAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 16 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < 8 && !SENTENCE_END.test(text[to]!)) to++;
  const head = from > 0 && !SENTENCE_END.test(text[from - 1]!) ? '…' : '';
  const tail = to < text.length && !SENTENCE_END.test(text[to]!) ? '…' : '';
  return `${head}${text.slice(from, to).trim()}${tail}`;
}

function find(report: Report, pattern: RegExp): Statement[] {
  const statements: Statement[] = [];
  for (const [section, text] of Object.entries(report.sections)) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) {
      const digits = match.slice(1).find((g) => g !== undefined && /^\d+$/.test(g));
      statements.push({
        section,
        quote: quoteAround(text, match.index, match.index + match[0].length),
        ...(digits !== undefined ? { number: Number(digits) } : {}),
      });
    }
  }
  return statements;
}

const NO_APPLICATIONS =
  /(?:无|没有|未发生|未收到|未接到|未受理)(?:任何)?(?:政府信息公开)?(?:的)?依申请公开|未(?:收到|接到|受理)[^。；\n]{0,12}申请|依申请公开[^。；\n]{0,6}(?:为|共)?(?:0|零)件/;
const APPLICATIONS_RECEIVED = /(?:收到|受理|接到|接收)[^。；，,\n]{0,14}申请(?:共|合计)?(\d+)件/;
const NO_FEES = /(?:未|没有|无|不)(?:收取|产生|发生)[^。；\n]{0,8}费|信息处理费[^。；\n]{0,4}(?:为)?(?:0|零|无)/;
const NO_REVIEW = /(?:未|没有|无)(?:发生|出现|收到)?[^。；\n]{0,16}(?:行政复议|行政诉讼)/;
const DISCLOSED_ITEMS = /(?:主动)?公开(?:政府)?信息[^，。；\d\n]{0,8}?(\d+)条/;

function finding(id: string, statement: Statement, message: string, cells: readonly string[]): Finding {
  return {
    id,
    rule: id.split('.')[0]!,
    severity: 'warning',
    location: { section: statement.section, cells },
    message,
  };
}

export function proseFindings(report: Report, figures: Figures): Finding[] {
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
      findings.push(
        finding('P-APPLICATIONS-COUNT', statement, `正文说“${statement.quote}”（${statement.number}件），但表三本年新收申请总计为${received}件。请核对。`, ['t3.newReceived.total']),
      );
      break;
    }
  }
  const feeFigures = [
    { what: '第六部分实际收取的信息处理费', value: Number(report.infoFee.collectedYuan ?? 0) || 0, unit: '元', cell: 'infoFee.collectedYuan' },
    { what: '第六部分发出的收费通知', value: Number(report.infoFee.noticesIssued ?? 0) || 0, unit: '件', cell: 'infoFee.noticesIssued' },
    { what: '表二行政事业性收费金额', value: figures.value('t2.fees') ?? 0, unit: '万元', cell: 't2.fees' },
  ].filter((f) => f.value > 0);
  const [noFees] = find(report, NO_FEES);
  if (noFees && feeFigures.length) {
    const shown = feeFigures.map((f) => `${f.what}为${f.value}${f.unit}`).join('，');
    findings.push(finding('P-NO-FEES', noFees, `正文说“${noFees.quote}”，但${shown}。请核对正文与数字。`, feeFigures.map((f) => f.cell)));
  }
  const caseTotals = ['t4.review.total', 't4.litigationDirect.total', 't4.litigationAfterReview.total'];
  const cases = caseTotals.reduce((sum, key) => sum + (figures.value(key) ?? 0), 0);
  const [noReview] = find(report, NO_REVIEW);
  if (noReview && cases > 0) {
    findings.push(finding('P-NO-REVIEW', noReview, `正文说“${noReview.quote}”，但表四行政复议、行政诉讼共${cases}件。请核对正文或表四。`, caseTotals));
  }
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
