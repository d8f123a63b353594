import { DEPARTMENT_NAMES } from './departmentNames.ts';
import type { ExpectedUnit, UnitMatch } from './types.ts';

/**
 * Matching a report's agency name (or a file name) to the expected units, tolerant of
 * whitespace, full-width characters, 全称/简称 (`湖滨县人民政府办公室` = `县政府办`,
 * `城关镇人民政府` = `城关镇`, departments' short forms: `区发改委` = `湖滨区发展和改革委员会`,
 * departmentNames.ts) — and never a guess: when two units fit equally well the result is
 * `ambiguous` and the reviewer chooses; a department's former name only makes it a candidate.
 */

/** Whitespace, width and brackets set aside. */
export function plainUnitName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000\u200B\uFEFF]+/g, '')
    .replace(/[“”"'‘’「」《》]/g, '');
}

/** Long forms and the short forms offices write for them, longest first. */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/人民政府/g, '政府'],
  [/办公室$/, '办'],
  [/街道办事处$/, '街道'],
  [/委员会/g, '委'],
];

/** One pattern for many names (ideographs only), the longest first so `卫生健康委员会` is not read as `卫生健康委` and a rest. */
function anyOf(names: readonly string[]): RegExp {
  return new RegExp([...names].sort((a, b) => b.length - a.length).join('|'), 'gu');
}

/** Every way of writing a department → its full name. */
const DEPARTMENT_FULL_NAME = new Map(DEPARTMENT_NAMES.flatMap((d) => [d.full, ...d.short].map((name) => [name, d.full] as const)));
const DEPARTMENT_PATTERN = anyOf([...DEPARTMENT_FULL_NAME.keys()]);
/** Each name a department may be known by without certainty → the full names it may be. */
const MAYBE_FULL_NAMES = new Map<string, string[]>();
for (const d of DEPARTMENT_NAMES) for (const name of d.maybe ?? []) MAYBE_FULL_NAMES.set(name, [...(MAYBE_FULL_NAMES.get(name) ?? []), d.full]);
const MAYBE_PATTERN = anyOf([...MAYBE_FULL_NAMES.keys()]);

/** The usual abbreviations applied to a name whose departments are written in full. */
function writtenForm(name: string): string {
  let written = name;
  for (const [long, short] of ABBREVIATIONS) written = written.replace(long, short);
  return written;
}

/** A place name before the level it names: `湖滨县` in `湖滨县政府办`; the level (县) stays. */
const PLACE_BEFORE_LEVEL = /^[\u4e00-\u9fa5]{1,8}?(?=[省市县区旗](?!$))/u;
/** The place name with its level: `湖滨县` in `湖滨县城关镇政府`. */
const WHOLE_PLACE = /^[\u4e00-\u9fa5]{1,8}?[省市县区旗](?!$)/u;
/** A town's or a district's government is called by the place alone: `城关镇政府` → `城关镇`. */
const GOVERNMENT_OF_PLACE = /(?<=[镇乡区县市旗]|街道)政府$/u;

export interface UnitNameForms {
  /** Whitespace, width and quotes set aside. */
  readonly plain: string;
  /** With the usual abbreviations (人民政府 → 政府, 办公室 → 办 …). */
  readonly written: string;
  /** Shorter forms of `written`: without the place in front, a town's government by its name. */
  readonly reduced: readonly string[];
  /** `written` forms with a department's former or merged name read as the departments it may be (candidates only). */
  readonly maybe: readonly string[];
}

/**
 * The forms a name is known by. Two names are the same unit when their `written` forms
 * are equal, or one's `written` form is a `reduced` form of the other — never by two
 * reduced forms alone (`东城区街道` and `西城区街道` share `街道`).
 */
export function unitNameForms(name: string): UnitNameForms {
  const plain = plainUnitName(name);
  const inFull = plain.replace(DEPARTMENT_PATTERN, (department) => DEPARTMENT_FULL_NAME.get(department)!);
  const written = writtenForm(inFull);
  const maybe = [...new Set([...inFull.matchAll(MAYBE_PATTERN)].flatMap(([former]) => MAYBE_FULL_NAMES.get(former!)!.map((full) => writtenForm(inFull.replace(former!, full)))))];
  const reduced = new Set<string>();
  for (const placeLess of [written, written.replace(PLACE_BEFORE_LEVEL, ''), written.replace(WHOLE_PLACE, '')]) {
    for (const form of [placeLess, placeLess.replace(GOVERNMENT_OF_PLACE, '')]) {
      if (form.length >= 2 && form !== written) reduced.add(form);
    }
  }
  return { plain, written, reduced: [...reduced], maybe };
}

interface UnitForms {
  readonly unit: ExpectedUnit;
  readonly names: readonly UnitNameForms[];
}

function sameUnit(a: UnitNameForms, b: UnitNameForms): boolean {
  return a.written === b.written || a.reduced.includes(b.written) || b.reduced.includes(a.written);
}

/** A candidate to offer: one name contains the other, or a department's former name reads as the other. */
function nearUnit(a: UnitNameForms, b: UnitNameForms): boolean {
  const contains = (x: string, y: string) => y.length >= 2 && x.includes(y);
  const formerly = (x: UnitNameForms, y: UnitNameForms) => x.maybe.some((written) => written === y.written || y.reduced.includes(written));
  return (
    contains(a.written, b.written) ||
    contains(b.written, a.written) ||
    a.reduced.some((r) => contains(b.written, r)) ||
    b.reduced.some((r) => contains(a.written, r)) ||
    formerly(a, b) ||
    formerly(b, a)
  );
}

/** The units' name forms, computed once for many matches. */
export interface UnitMatcher {
  match(name: string): UnitMatch;
}

export function unitMatcher(units: readonly ExpectedUnit[]): UnitMatcher {
  const forms: UnitForms[] = units.map((unit) => ({ unit, names: [unit.name, ...unit.aliases].map(unitNameForms) }));
  const decide = (found: readonly UnitForms[], by: 'exact' | 'tolerant'): UnitMatch | undefined => {
    if (found.length === 1) return { status: 'matched', unitId: found[0]!.unit.id, by };
    if (found.length > 1) return { status: 'ambiguous', candidates: found.map((f) => f.unit.id) };
    return undefined;
  };
  return {
    match(name) {
      const query = unitNameForms(name);
      if (!query.plain) return { status: 'unmatched', candidates: [] };
      return (
        decide(forms.filter((f) => f.names.some((n) => n.plain === query.plain)), 'exact') ??
        decide(forms.filter((f) => f.names.some((n) => sameUnit(n, query))), 'tolerant') ?? {
          status: 'unmatched',
          candidates: forms.filter((f) => f.names.some((n) => nearUnit(n, query))).map((f) => f.unit.id),
        }
      );
    },
  };
}

/** Matches one name against the units (see `unitMatcher` to match many). */
export function matchUnit(name: string, units: readonly ExpectedUnit[]): UnitMatch {
  return unitMatcher(units).match(name);
}
