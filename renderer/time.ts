/** Times as clerks read them: 10:42 today, 3月5日 10:42 this year, else 2024年3月5日. */

const pad = (n: number) => String(n).padStart(2, '0');

export function clockTime(iso: string): string {
  const date = new Date(iso);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function shortDateTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return `今天 ${clockTime(iso)}`;
  const day = `${date.getMonth() + 1}月${date.getDate()}日`;
  return date.getFullYear() === now.getFullYear() ? `${day} ${clockTime(iso)}` : `${date.getFullYear()}年${day} ${clockTime(iso)}`;
}
