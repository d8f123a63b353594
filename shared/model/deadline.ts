/**
 * When a year's report must be published (《中华人民共和国政府信息公开条例》第四十九条):
 * departments of governments at county level and above by 31 January, local governments
 * (through their competent office) by 31 March of the following year.
 */
export const AGENCY_KINDS = {
  department: '县级以上人民政府部门（次年1月31日前公布）',
  government: '地方人民政府（次年3月31日前公布）',
} as const;
export type AgencyKind = keyof typeof AGENCY_KINDS;

const DEADLINE_MONTH_DAY: Readonly<Record<AgencyKind, readonly [number, number]>> = {
  department: [1, 31],
  government: [3, 31],
};

export interface Deadline {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** 2027年1月31日 */
  readonly text: string;
}

export function publishingDeadline(kind: AgencyKind, reportYear: number): Deadline {
  const [month, day] = DEADLINE_MONTH_DAY[kind];
  const year = reportYear + 1;
  return { date: `${year}-${String(month).padStart(2, '0')}-${day}`, text: `${year}年${month}月${day}日` };
}

/** Calendar days from `today` (its local date) to the deadline; negative once it has passed. */
export function daysLeft(deadline: Deadline, today: Date): number {
  const [year, month, day] = deadline.date.split('-').map(Number) as [number, number, number];
  const due = Date.UTC(year, month - 1, day);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((due - now) / 86_400_000);
}
