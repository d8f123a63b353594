import type { Result } from '../../../shared/model/validation.ts';
import type { SourceDocument } from '../source.ts';

export async function readPdf(_bytes: Uint8Array, name: string): Promise<Result<SourceDocument>> {
  return { ok: false, error: name };
}
