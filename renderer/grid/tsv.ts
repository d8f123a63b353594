/**
 * Reads the text a spreadsheet (Excel, WPS 表格, LibreOffice) puts on the clipboard when
 * cells are copied: rows end with CR LF or LF, cells are separated by tabs, and a cell
 * holding a tab, a line break or a quote is quoted with doubled inner quotes.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const atCellStart = () => cell === '';
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && atCellStart()) {
      const end = closingQuote(text, i + 1);
      if (end !== undefined) {
        cell = text.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Index of the quote closing a quoted cell that opens before `from`, if the cell ends there. */
function closingQuote(text: string, from: number): number | undefined {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : undefined;
  }
  return undefined;
}
