import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LINES } from '../../services/import/readers/text/plainText.ts';
import { importBytes, importError } from './support.ts';

/**
 * Hostile text: the recogniser's time grows with the input, never faster, and a text
 * beyond the stated limits is refused with a message (timings are the benchmark's).
 */
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('text beyond the limits', () => {
  it('refuses 200,000 short lines that look like cells, saying the limit', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 8 === 0 ? '\t1.属于国家秘密' : `\t${i % 10}`));
    const error = await importError(encode(['某县2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', ...lines].join('\n')), 'cells.txt');
    expect(error).toContain('200,002行');
    expect(error).toContain(`${MAX_TEXT_LINES.toLocaleString('en-US')}行的上限`);
  });

  it('reads a text just under the line limit made of one cell per line, and places nothing it cannot', async () => {
    const lines = Array.from({ length: MAX_TEXT_LINES - 10 }, (_, i) => (i % 8 === 0 ? '\t1.属于国家秘密' : `\t${i % 10}`));
    const result = await importBytes(encode(['某县2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', ...lines].join('\n')), 'cells.txt');
    const secret = result.cells.filter((c) => c.key.startsWith('t3.denied.stateSecret.'));
    expect(secret.every((c) => c.status === 'unplaced')).toBe(true);
  }, 120_000);
});
