import type { Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import { formatFigure } from '../sentences/change.ts';
import { figurePhrases } from '../sentences/figurePhrases.ts';
import type { FindingDraft } from './finding.ts';
import { quoteAround } from './quote.ts';

/**
 * Figures stated in the prose with the phrases of `figurePhrases` ("予以公开20件",
 * "上年结转3件", "实际收取信息处理费35.5元") against the tables and section 六:
 * P-FIGURE when the prose says another figure, X-STALE-FIGURE when the figure it says is
 * last year's (text carried over and not updated). Both are warnings at the quoted words.
 */
export function proseFigureFindings(report: Report, figures: Figures, previous?: { report: Report; figures: Figures }): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const phrase of figurePhrases(reportFormat(report))) {
    const now = phrase.value(figures, report.infoFee);
    if (now === null) continue;
    const before = previous ? phrase.value(previous.figures, previous.report.infoFee) : null;
    const pattern = new RegExp(`${phrase.words}(?:的)?(?:政府信息公开)?(?:申请)?(?:共|合计|为)?(\\d+(?:\\.\\d+)?)${phrase.unit}`, 'g');
    for (const [section, text] of Object.entries(report.sections)) {
      for (const match of text.matchAll(pattern)) {
        const said = Number(match[1]);
        if (said === now) continue;
        const quote = quoteAround(text, match.index, match.index + match[0].length);
        const stale = before !== null && said === before;
        const rule = stale ? 'X-STALE-FIGURE' : 'P-FIGURE';
        findings.push({
          id: `${rule}.${section}.${match.index}`,
          rule,
          severity: 'warning',
          location: { section, cells: [], words: { start: match.index, text: match[0] } },
          message: stale
            ? `正文说“${quote}”，这是${previous!.report.year}年的数字；本年${phrase.what}为${formatFigure(now)}${phrase.unit}。请改为本年的数字。`
            : `正文说“${quote}”（${formatFigure(said)}${phrase.unit}），但${phrase.what}为${formatFigure(now)}${phrase.unit}。请核对正文或表格。`,
        });
      }
    }
  }
  return findings;
}
