import { describe, expect, it } from 'vitest';
import { textHash } from '../../renderer/pdf/textHash.ts';

describe('textHash', () => {
  it('gives fixed hashes for short texts, odd lengths included', () => {
    expect(['', 'a', 'ab', 'abc', '报告', '报告书'].map(textHash)).toEqual([
      '0bdcb81aee8d83000dd6c223ada30',
      '1c2ba782c9790113f4f87be9443b1',
      '0e928d65d23587087fe9c9a679e12',
      '07c338d6d0249d1a3471b7028bf83',
      '13a8d1c384a4c51d5f723e73a6622',
      '1db2861c3ad4c002ce455d457fb43',
    ]);
  });

  it('tells texts apart that differ only in an odd last unit', () => {
    expect(textHash('第1页')).not.toBe(textHash('第2页'));
    expect(textHash('abc')).not.toBe(textHash('abd'));
  });
});
