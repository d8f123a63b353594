import { describe, expect, it } from 'vitest';
import { pdfWithoutText } from '../import/pdfFiles.ts';
import { importOutcome } from './check.ts';
import { buildCorpus } from './corpus.ts';
import { mutate, random } from './mutate.ts';

/**
 * A short run of the import fuzzer (`npm run fuzz` runs 100,000 inputs): mutated real
 * files of every form go through every reader; each is read or refused in Chinese,
 * never thrown. The run is seeded, so a failure names the seed that replays it.
 */

const INPUTS = 300;

describe('import fuzzing (short run)', () => {
  it(`${INPUTS} mutated files are each read or refused with a Chinese message`, async () => {
    const corpus = await buildCorpus({ pdf: pdfWithoutText() });
    const failures: string[] = [];
    const kinds = { read: 0, refused: 0 };
    for (let seed = 1; seed <= INPUTS; seed++) {
      const r = random(seed);
      const file = corpus[seed % corpus.length]!;
      const outcome = await importOutcome(mutate(file, r), file.name);
      if (outcome.kind === 'failure') failures.push(`seed ${seed} (${file.name}): ${outcome.message.slice(0, 300)}`);
      else kinds[outcome.kind]++;
    }
    expect(failures).toEqual([]);
    expect(kinds.read).toBeGreaterThan(0);
    expect(kinds.refused).toBeGreaterThan(0);
  }, 300_000);
});
