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

  it('prints ahead one at a time, only the newest waiting, and get takes what was printed ahead', async () => {
    const cache = createPreviewCache();
    const started: string[] = [];
    const finish = new Map<string, (pdf: Uint8Array) => void>();
    const print = (content: string) => () =>
      new Promise<Uint8Array>((resolve) => {
        started.push(content);
        finish.set(content, resolve);
      });
    cache.printAhead('a', print('a'));
    cache.printAhead('b', print('b'));
    cache.printAhead('c', print('c'));
    // 'a' is printing; 'b' was replaced by 'c' while it waited.
    expect(started).toEqual(['a']);
    finish.get('a')!(new Uint8Array([1]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'c']);
    // Asked for while printing ahead: the same print, not a second one.
    const asked = cache.get('c', print('c again'));
    finish.get('c')!(new Uint8Array([3]));
    expect(await asked).toEqual(new Uint8Array([3]));
    expect(await cache.get('a', print('a again'))).toEqual(new Uint8Array([1]));
    // Content printed already is not printed ahead again.
    cache.printAhead('a', print('a once more'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'c']);
  });

  it('goes on printing ahead after a failed print, which is not kept', async () => {
    const cache = createPreviewCache();
    cache.printAhead('a', () => Promise.reject(new Error('打印失败')));
    cache.printAhead('b', async () => new Uint8Array([2]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get('b', () => Promise.reject(new Error('不应再打印')))).toEqual(new Uint8Array([2]));
    expect(await cache.get('a', async () => new Uint8Array([1]))).toEqual(new Uint8Array([1]));
  });
});
