import { importFile } from '../../services/import/index.ts';

/** What one input did: read, refused in Chinese, or a failure (a throw, or a refusal not in readable Chinese). */
export type Outcome = { readonly kind: 'read' } | { readonly kind: 'refused'; readonly message: string } | { readonly kind: 'failure'; readonly message: string };

const CHINESE = /[\u4e00-\u9fff]/;

export async function importOutcome(bytes: Uint8Array, name: string): Promise<Outcome> {
  try {
    const result = await importFile({ bytes, name });
    if (result.ok) return { kind: 'read' };
    if (!CHINESE.test(result.error) || result.error.includes('内部错误')) return { kind: 'failure', message: `refusal not in Chinese: ${result.error}` };
    return { kind: 'refused', message: result.error };
  } catch (error) {
    return { kind: 'failure', message: `threw: ${(error as Error).stack ?? String(error)}` };
  }
}
