import { UnreadablePdf, isDict, isName, isRef, readPdfObjects } from './pdfObjects.ts';
import type { PdfObjects, PdfValue } from './pdfObjects.ts';
import { textHash } from './textHash.ts';

/** Page-tree keys that say nothing a page inherits (a page tree node with any other key is not read here). */
const TREE_KEYS = new Set(['Type', 'Kids', 'Count', 'Parent']);

class RefersBack extends Error {}

/**
 * What each page of a PDF draws, as a key per page, in page order: two pages with the same
 * key draw the same picture, because everything drawing them reads is written alike —
 * the page dictionary (size, resources), its content streams, its fonts with their font
 * files, and every other object these refer to — leaving out only the page's place in
 * the page tree (/Parent). A changed figure on page 3 leaves the keys of the other pages
 * as they were, so their pictures can be shown again instead of drawn.
 *
 * `undefined` for the whole file when it is not a PDF as Chromium writes it (see
 * pdfObjects.ts), and for a page whose objects refer back to themselves: unknown, never
 * guessed.
 */
export function pageIdentities(pdf: string): readonly (string | undefined)[] | undefined {
  try {
    const objects = readPdfObjects(pdf);
    const catalog = resolve(objects, objects.trailer.dict.get('Root'));
    // Optional content can show or hide parts of every page from the catalog.
    if (!isDict(catalog) || catalog.dict.has('OCProperties')) return undefined;
    const hashes = new Map<number, string>();
    return pageObjects(objects, catalog.dict.get('Pages')).map((page) => {
      try {
        return objectHash(objects, page, hashes, new Set());
      } catch (error) {
        if (error instanceof RefersBack) return undefined;
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof UnreadablePdf) return undefined;
    throw error;
  }
}

function resolve(objects: PdfObjects, value: PdfValue | undefined): PdfValue | undefined {
  return isRef(value) ? objects.read(value.ref).value : value;
}

/** The page objects in order, walking the page tree from its root. */
function pageObjects(objects: PdfObjects, root: PdfValue | undefined): number[] {
  const pages: number[] = [];
  const seen = new Set<number>();
  const walk = (node: PdfValue | undefined) => {
    if (!isRef(node) || seen.has(node.ref)) throw new UnreadablePdf('bad page tree');
    seen.add(node.ref);
    const value = objects.read(node.ref).value;
    if (!isDict(value)) throw new UnreadablePdf('bad page tree node');
    if (isName(value.dict.get('Type'), 'Page')) {
      pages.push(node.ref);
      return;
    }
    const kids = value.dict.get('Kids');
    if (!isName(value.dict.get('Type'), 'Pages') || !Array.isArray(kids)) throw new UnreadablePdf('bad page tree node');
    // Attributes a tree node passes down to its pages (resources, sizes, rotation) are not followed.
    for (const key of value.dict.keys()) if (!TREE_KEYS.has(key)) throw new UnreadablePdf(`page tree node with /${key}`);
    for (const kid of kids) walk(kid);
  };
  walk(root);
  return pages;
}

/** The hash of an object and of everything it refers to (hashed once per file: fonts are shared by pages). */
function objectHash(objects: PdfObjects, id: number, hashes: Map<number, string>, visiting: Set<number>): string {
  const known = hashes.get(id);
  if (known) return known;
  if (visiting.has(id)) throw new RefersBack();
  visiting.add(id);
  const { value, stream } = objects.read(id);
  const written = (v: PdfValue): string => {
    if (v === null || typeof v !== 'object') return String(v);
    if ('written' in v) return v.written;
    if (isRef(v)) return `@${objectHash(objects, v.ref, hashes, visiting)}`;
    if (isName(v)) return `/${v.name}`;
    if (isDict(v)) {
      const entries = [...v.dict].filter(([key]) => key !== 'Parent').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `<<${entries.map(([key, item]) => `/${key} ${written(item)}`).join(' ')}>>`;
    }
    return `[${v.map(written).join(' ')}]`;
  };
  const hash = textHash(stream === undefined ? written(value) : `${written(value)} stream ${textHash(stream)}`);
  visiting.delete(id);
  hashes.set(id, hash);
  return hash;
}
