/** Timestamps: stored as ISO 8601 (UTC), shown to people in local Chinese form. */

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

let localTime: Intl.DateTimeFormat | undefined;

/** `2025年1月31日 10:20` in the machine's time zone. */
export function describeTime(iso: string): string {
  // Made on first use: loading the locale data costs start-up time most runs never need.
  localTime ??= new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', hour12: false });
  return localTime.format(new Date(iso));
}

/** A timestamp usable in a file name on every system: `2025-01-31T02-20-30-123Z`. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** The inverse of `fileStamp`, or undefined when `stamp` is not one. */
export function parseFileStamp(stamp: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!match) return undefined;
  const [, day, h, m, s, ms] = match;
  const date = new Date(`${day}T${h}:${m}:${s}.${ms}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function minutesBetween(fromIso: string, to: Date): number {
  return (to.getTime() - new Date(fromIso).getTime()) / 60_000;
}
