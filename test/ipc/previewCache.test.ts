import { describe, expect, it } from 'vitest';
import { createPreviewCache } from '../../services/app/previewCache.ts';

describe('the preview cache', () => {
  it('prints unchanged content once, changed content again, and forgets the oldest', async () => {
    const cache = createPreviewCache(2);
    let prints = 0;
    const print = (n: number) => async () => (prints++, new Uint8Array([n]));
    expect(await cache.get('a', print(1))).toEqual(new Uint8Array([1]));
    expect(await cache.get('a', print(9))).toEqual(new Uint8Array([1]));
    expect(prints).toBe(1);
    await cache.get('b', print(2));
    await cache.get('c', print(3));
    expect(prints).toBe(3);
    // 'a' was the oldest of three: printed again.
    expect(await cache.get('a', print(4))).toEqual(new Uint8Array([4]));
    expect(prints).toBe(4);
  });

  it('does not keep a failed print', async () => {
    const cache = createPreviewCache();
    await expect(cache.get('a', () => Promise.reject(new Error('打印失败')))).rejects.toThrow('打印失败');
    await Promise.resolve();
    expect(await cache.get('a', async () => new Uint8Array([7]))).toEqual(new Uint8Array([7]));
  });
});
