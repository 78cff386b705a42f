import { distance } from 'fastest-levenshtein';
import { MEETING_NOUNS } from '../document/meetingRefs';
import { Matcher, type CompiledMatcher, type Mention, type Term } from './matcher';
import type { Body, CatalogueData, Entry, Instrument, Language, Marking, Presidency, SubjectCode } from './schema';

/** Read-only view of the reference data, with lookups indexed once at construction. */
export class Catalogue {
  readonly subjectCodes: readonly SubjectCode[];
  readonly languages: readonly Language[];
  readonly markings: readonly Marking[];
  /** In rota order. */
  readonly presidencies: readonly Presidency[];
  /** Instruments proper (agreements, acts, systems…), without topics. */
  readonly instruments: readonly Instrument[];
  /** General themes (kind "topic"): PNR, cybercrime… */
  readonly topics: readonly Instrument[];
  readonly bodies: readonly Body[];

  private readonly codeIndex = new Map<string, SubjectCode>();
  private readonly languageIndex = new Map<string, Language>();
  private readonly markingIndex = new Map<string, Marking>();
  private readonly presidencyIndex = new Map<string, Presidency>();
  private readonly presidencyNames = new Map<string, Presidency[]>();
  private readonly entries = new Map<string, Entry>();
  private readonly matcher: Matcher;

  /**
   * `data` must already be validated (see load.ts); ids and codes must be unique. `matcher` is
   * this data's compiled matcher when it has been built before (see `state`).
   */
  constructor(
    private readonly data: CatalogueData,
    matcher?: CompiledMatcher,
  ) {
    this.subjectCodes = data.subjectCodes;
    this.languages = data.languages;
    this.markings = data.markings;
    this.presidencies = [...data.presidencies].sort((a, b) => a.start.localeCompare(b.start));
    this.instruments = data.instruments.filter((i) => i.kind !== 'topic');
    this.topics = data.instruments.filter((i) => i.kind === 'topic');
    this.bodies = data.bodies;

    for (const c of data.subjectCodes) addUnique(this.codeIndex, c.code, c, 'subject code');
    for (const l of data.languages) addUnique(this.languageIndex, l.code, l, 'language');
    for (const m of data.markings) {
      for (const name of new Set([m.marking, ...m.aliases].map(normaliseMarking))) addUnique(this.markingIndex, name, m, 'marking');
    }
    for (const p of this.presidencies) {
      addUnique(this.presidencyIndex, `${p.year}-${p.half}`, p, 'presidency semester');
      for (const name of new Set([p.country, ...p.aliases, ...p.adjectives].map((n) => n.toLowerCase()))) {
        const list = this.presidencyNames.get(name) ?? [];
        list.push(p);
        this.presidencyNames.set(name, list);
      }
    }
    for (const e of [...data.instruments, ...data.bodies]) addUnique(this.entries, e.id, e, 'entry id');
    this.matcher = matcher ? new Matcher(matcher) : Matcher.of(terms(data.instruments, data.bodies), MEETING_NOUNS);
  }

  /** What another thread needs to build the same catalogue at once: `new Catalogue(s.data, s.matcher)`. */
  state(): { data: CatalogueData; matcher: CompiledMatcher } {
    return { data: this.data, matcher: this.matcher.compiled };
  }

  /** The code as written (upper case; a bilingual pair such as "CFSP/PESC" as a whole). */
  subjectCode(code: string): SubjectCode | undefined {
    return this.codeIndex.get(code);
  }

  /** Known codes nearest to an unknown one, nearest first ("RELXE" -> RELEX). */
  closestSubjectCodes(code: string, max = 3): string[] {
    const wanted = code.toUpperCase();
    const limit = Math.max(2, Math.ceil(wanted.length / 2));
    const letters = sortedLetters(wanted);
    // Ties are common among short codes: prefer the same letters (a transposition, "RELXE"),
    // then the longer common prefix.
    return this.subjectCodes
      .map((c) => ({
        code: c.code,
        d: distance(wanted, c.code),
        anagram: sortedLetters(c.code) === letters ? 0 : 1,
        prefix: commonPrefix(wanted, c.code),
      }))
      .filter((c) => c.d <= limit)
      .sort((a, b) => a.d - b.d || a.anagram - b.anagram || b.prefix - a.prefix || a.code.localeCompare(b.code))
      .slice(0, max)
      .map((c) => c.code);
  }

  /** Official language by its two-letter code ("en"; case-insensitive). */
  language(code: string): Language | undefined {
    return this.languageIndex.get(code.toLowerCase());
  }

  /** A distribution marking as written: any case, spacing or accents ("Restreint UE / EU Restricted"). */
  marking(text: string): Marking | undefined {
    return this.markingIndex.get(normaliseMarking(text));
  }

  /** Presidency of the semester containing the date (yyyy-mm-dd). */
  presidencyOn(isoDate: string): Presidency | undefined {
    const m = /^(\d{4})-(\d{2})/.exec(isoDate);
    if (!m) return undefined;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return this.presidencyIndex.get(`${m[1]}-${month <= 6 ? 1 : 2}`);
  }

  /** The incoming Presidency: the next semester's. */
  presidencyAfter(p: Presidency): Presidency | undefined {
    return this.presidencyIndex.get(p.half === 1 ? `${p.year}-2` : `${p.year + 1}-1`);
  }

  /** Every semester of the country named by the word ("Polish", "Netherlands", "Czechia"; any case). */
  presidencyByName(word: string): Presidency[] {
    return [...(this.presidencyNames.get(word.trim().replace(/\s+/g, ' ').toLowerCase()) ?? [])];
  }

  /** An instrument, topic or body by id. */
  entry(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /**
   * Mentions of instruments, topics and bodies in the text: names and aliases in any case,
   * abbreviations in their own case, on word boundaries; the longest name wins, no overlaps.
   */
  findMentions(text: string): Mention[] {
    return this.matcher.find(text);
  }

  /**
   * As `findMentions` on each line of a text on its own, in one pass from the line starting at
   * `from`: offsets are into the text. `nouns` receives where each of the `MEETING_NOUNS` starts,
   * in any case, wherever a word begins with one.
   */
  findMentionsInLines(text: string, from = 0, nouns?: number[]): Mention[] {
    return this.matcher.findInLines(text, from, nouns);
  }
}

function addUnique<V>(map: Map<string, V>, key: string, value: V, what: string): void {
  if (map.has(key)) throw new Error(`Catalogue: duplicate ${what} "${key}"`);
  map.set(key, value);
}

function sortedLetters(s: string): string {
  return [...s].sort().join('');
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}


function* terms(instruments: readonly Instrument[], bodies: readonly Body[]): Iterable<Term> {
  for (const e of [...instruments, ...bodies]) {
    for (const text of [e.name, ...e.aliases]) yield { id: e.id, text, caseSensitive: false };
    for (const text of e.abbreviations) yield { id: e.id, text, caseSensitive: true };
  }
}

/** Upper case, no accents, single spaces, none around the slash of "UE/EU". */
export function normaliseMarking(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?\/ ?/g, '/')
    .trim()
    .toUpperCase();
}
