import type { ReportFormat } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { InfoFee } from '../model/report.ts';
import { formatFigure } from './change.ts';
import { figurePhrases } from './figurePhrases.ts';

/**
 * A starter paragraph with every 【】 whose figure the app knows filled in
 * (收到政府信息公开申请【】件 → 81件, 予以公开【】件 …). A 【】 the app cannot know (how
 * many items were proactively disclosed, what the problems were) stays for the clerk.
 */
export function fillStarter(starter: string, format: ReportFormat, figures: Figures, infoFee: InfoFee): string {
  const received = format.relations.applicationsReceived;
  const slots = [
    ...(received?.keyword === undefined ? [] : [{ words: received.keyword, unit: '件', value: figures.value(received.keys[0]!) }]),
    ...figurePhrases(format).map((p) => ({ words: p.words, unit: p.unit, value: p.value(figures, infoFee) })),
  ];
  let filled = starter;
  for (const slot of slots) {
    if (slot.value === null) continue;
    filled = filled.replaceAll(`${slot.words}【】${slot.unit}`, `${slot.words}${formatFigure(slot.value)}${slot.unit}`);
  }
  return filled;
}

/** The section's starters as the editor offers them and the checks recognise them: filled where known. */
export function filledStarters(starters: readonly string[], format: ReportFormat, figures: Figures, infoFee: InfoFee): string[] {
  return starters.map((starter) => fillStarter(starter, format, figures, infoFee));
}
