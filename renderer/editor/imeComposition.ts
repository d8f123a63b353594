/**
 * Whether an input method is composing text in the page: what it has put in the field so far
 * is pinyin or strokes, not yet the clerk's words, and it changes again when the clerk picks
 * a candidate. Work done ahead for the text as it stands (the preview) waits for the end.
 */
let composing = false;
document.addEventListener('compositionstart', () => (composing = true), true);
document.addEventListener('compositionend', () => (composing = false), true);

export function imeComposing(): boolean {
  return composing;
}
