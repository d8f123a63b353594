import { formatForYear } from '../format/index.ts';
import { reportFormat } from './report.ts';
import type { Report } from './report.ts';

/**
 * Why a report read in one format cannot be filed as a report of `year` when that year is
 * written in another format (an import reviewed under another year than it prints), or
 * undefined when it can: the tables differ, and no figure is carried across formats by a guess.
 */
export function yearFormatConflict(report: Pick<Report, 'formatId'>, year: number): string | undefined {
  const read = reportFormat(report);
  const ofYear = formatForYear(year);
  if (read.id === ofYear.id) return undefined;
  return (
    `这份报告是按${read.name}（${read.basis}）读出的，而${year}年度的报告应按${ofYear.name}（${ofYear.basis}）填写，两者的表格不同，` +
    `不能作为${year}年度的报告导入。请按文件中的年度导入；如确是${year}年度的报告，请按${ofYear.basis}的格式编写后再导入。`
  );
}
