import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BuildResult } from 'electron-builder';

/**
 * electron-builder's afterAllArtifactBuild hook (electron-builder.yml). The installers are
 * not code-signed, so each gets a `<file>.sha256` beside it, in the format of `sha256sum`:
 * IT checks a copy with `sha256sum -c FILE.sha256` (Linux) or `certutil -hashfile FILE SHA256`
 * (Windows).
 */

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeChecksum(file: string): Promise<string> {
  const target = `${file}.sha256`;
  await writeFile(target, `${await sha256(file)}  ${basename(file)}\n`);
  return target;
}

/** Returns the checksum files, which electron-builder then lists as artifacts too. */
export default async function afterAllArtifactBuild(result: BuildResult): Promise<string[]> {
  const checksums: string[] = [];
  for (const file of result.artifactPaths) {
    if (!file.endsWith('.sha256')) checksums.push(await writeChecksum(file));
  }
  return checksums;
}
