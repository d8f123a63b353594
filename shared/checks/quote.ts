const SENTENCE_END = /[。；;！!？?\n]/;

/** The match with a little of its sentence on each side, for quoting in a message. */
export function quoteAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 16 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < 8 && !SENTENCE_END.test(text[to]!)) to++;
  const head = from > 0 && !SENTENCE_END.test(text[from - 1]!) ? '…' : '';
  const tail = to < text.length && !SENTENCE_END.test(text[to]!) ? '…' : '';
  return `${head}${text.slice(from, to).trim()}${tail}`;
}
