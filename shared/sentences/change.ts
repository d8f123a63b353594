/**
 * The change of a figure since last year, in the words reports use:
 * 较上年增加12件，增长8.3% / 较上年减少3件，下降5.0% / 与上年持平. From zero no percentage
 * is given (it would be infinite).
 */
export function changeWords(now: number, before: number, unit: string): string {
  const difference = roundFigure(now - before);
  if (difference === 0) return '与上年持平';
  const direction = difference > 0 ? ['增加', '增长'] : ['减少', '下降'];
  const amount = `较上年${direction[0]}${formatFigure(Math.abs(difference))}${unit}`;
  const percent = changePercent(now, before);
  return percent === null ? amount : `${amount}，${direction[1]}${formatPercent(Math.abs(percent))}`;
}

/** The change in per cent of last year's figure, or null when last year's is zero. */
export function changePercent(now: number, before: number): number | null {
  return before === 0 ? null : ((now - before) / before) * 100;
}

/** One decimal, as reports print a share: 8.3%. */
export function formatPercent(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

/** Up to four decimals without trailing zeros (money in 万元 has four). */
export function formatFigure(value: number): string {
  return String(roundFigure(value));
}

function roundFigure(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
