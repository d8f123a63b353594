/**
 * UTF-8 bytes written piece after piece into one buffer that grows as needed and is reused.
 * Every autosave writes its report's JSON this way: built as a string, the ~10 KB text was a
 * tree of ~300 pieces that the UTF-8 encoder first had to join into one, and two bytes per
 * character once a single Chinese character was among them; written as bytes, the parts that
 * did not change are copied as the bytes they were.
 */
const encoder = new TextEncoder();

export class Utf8Writer {
  private buffer: Uint8Array;
  private written = 0;

  constructor(capacity = 16 * 1024) {
    this.buffer = new Uint8Array(capacity);
  }

  get length(): number {
    return this.written;
  }

  /** Starts again at the beginning (the buffer is kept). */
  reset(): void {
    this.written = 0;
  }

  /** One byte below 0x80 (an ASCII character's code). */
  byte(code: number): void {
    this.room(1);
    this.buffer[this.written++] = code;
  }

  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.written);
    this.written += bytes.length;
  }

  /**
   * A text without lone surrogates (the encoder would write U+FFFD for one). Short ASCII
   * texts (keys, figures) are written a byte per character: cheaper than a call to the
   * encoder, which takes over at the first other character.
   */
  text(text: string): void {
    // Three bytes at most for each UTF-16 unit (a surrogate pair's two make four).
    this.room(text.length * 3);
    if (text.length <= SHORT) {
      const start = this.written;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x80) {
          this.written = start;
          break;
        }
        this.buffer[this.written++] = code;
      }
      if (this.written - start === text.length) return;
    }
    this.written += encoder.encodeInto(text, this.buffer.subarray(this.written)).written;
  }

  /** What was written from `start` on: valid until the next write or reset. */
  view(start = 0): Uint8Array {
    return this.buffer.subarray(start, this.written);
  }

  private room(bytes: number): void {
    if (this.written + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.written + bytes));
    grown.set(this.buffer.subarray(0, this.written));
    this.buffer = grown;
  }
}

/** Up to this length a text is written by hand when it is all ASCII. */
const SHORT = 64;
