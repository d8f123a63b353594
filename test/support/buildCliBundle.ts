import { bundleCli } from '../../scripts/bundleCli.ts';

/** Vitest global setup: the CLI tests run the real bin, i.e. the bundle; build it from the current sources first. */
export default async function setup(): Promise<void> {
  await bundleCli();
}
