import { formatNumber } from './numberFormats';
import { intOf, isOn, type Styles } from './styles';
import { symbolText } from './symbols';
import { readXml } from './xml';

/**
 * Word's automatic numbering (numbering.xml), rebuilt as Word displays it: section and item
 * numbers ("1.", "a)", "(i)", "I.") are seldom in the text of a Council Word file, they come
 * from the list a paragraph belongs to.
 *
 * Counting follows Word: paragraphs whose lists (w:num) share an abstract list continue one
 * count. A list with a start override (Word's "Restart numbering" and "Set numbering value" write
 * one; the docx library does for each new instance) starts that count again at the override
 * where the list first appears at that level; the lists after it go on from there. A level
 * starts again when a level above it is counted, or only after the level its w:lvlRestart names.
 */
interface Level {
  start: number;
  format: string;
  text?: string;
  /** w:lvlRestart: restarted only when a level above this (1-based) one is counted; 0: never. */
  restart?: number;
  legal: boolean;
  suffix: string;
  style?: string;
  font?: string;
}

interface AbstractList {
  levels: (Level | undefined)[];
  /** w:numStyleLink: the levels are those of the list that this numbering style names. */
  numStyleLink?: string;
}

interface Override {
  start?: number;
  level?: Level;
}

interface List {
  abstractId: number;
  overrides: Map<number, Override>;
}

const LEVELS = 9;
const SUFFIX: Record<string, string> = { tab: '\t', space: ' ', nothing: '' };

export class Numbering {
  /** Current counters of each abstract list by level; undefined: not started. */
  private readonly counters = new Map<AbstractList, (number | undefined)[]>();
  /** Lists and levels already counted ("numId level"): a start override acts on the first. */
  private readonly seen = new Set<string>();

  private constructor(
    private readonly styles: Styles,
    private readonly abstracts = new Map<number, AbstractList>(),
    private readonly lists = new Map<number, List>(),
  ) {}

  static read(bytes: Uint8Array | undefined, part: string, styles: Styles): Numbering {
    const numbering = new Numbering(styles);
    if (bytes) numbering.parse(bytes, part);
    return numbering;
  }

  /** The same lists counted on their own: footnotes and endnotes, whose lists do not go on with the body's. */
  apart(): Numbering {
    return new Numbering(this.styles, this.abstracts, this.lists);
  }

  /**
   * Counts a paragraph of list `numId` at level `ilvl` (undefined: the level whose w:pStyle is
   * the paragraph's style, else the first) and returns its number with what follows it ("1.\t",
   * "a) ", "•\t"); undefined when the list shows nothing.
   */
  next(numId: number, ilvl: number | undefined, paragraphStyle: string | undefined): string | undefined {
    const list = this.lists.get(numId);
    if (!list) return undefined;
    const abstract = this.abstractOf(list);
    if (!abstract) return undefined;
    const levelOf = (l: number): Level | undefined => list.overrides.get(l)?.level ?? abstract.levels[l];
    let at = ilvl;
    if (at === undefined && paragraphStyle !== undefined) {
      const linked = abstract.levels.findIndex((l) => l?.style === paragraphStyle);
      if (linked >= 0) at = linked;
    }
    at = Math.min(Math.max(at ?? 0, 0), LEVELS - 1);
    const level = levelOf(at);
    if (!level) return undefined;
    const startOf = (l: number): number => list.overrides.get(l)?.start ?? levelOf(l)?.start ?? 0;

    let counters = this.counters.get(abstract);
    if (!counters) this.counters.set(abstract, (counters = new Array<number | undefined>(LEVELS).fill(undefined)));
    const seenKey = `${numId} ${at}`;
    if (!this.seen.has(seenKey)) {
      this.seen.add(seenKey);
      if (list.overrides.get(at)?.start !== undefined) counters[at] = undefined;
    }
    counters[at] = counters[at] === undefined ? startOf(at) : counters[at]! + 1;
    for (let deeper = at + 1; deeper < LEVELS; deeper++) {
      const restart = levelOf(deeper)?.restart ?? deeper;
      if (restart !== 0 && at < restart) counters[deeper] = undefined;
    }

    if (level.text === undefined) return undefined;
    let label: string;
    if (level.format === 'bullet') label = symbolText(level.text, level.font);
    else {
      label = level.text.replace(/%([1-9])/g, (_, n: string) => {
        const l = Number(n) - 1;
        const value = counters[l] ?? startOf(l);
        return formatNumber(value, level.legal ? 'decimal' : (levelOf(l)?.format ?? 'decimal'));
      });
    }
    return label === '' ? undefined : label + level.suffix;
  }

  /** The abstract list holding the levels, through a numbering style's link when it has one. */
  private abstractOf(list: List): AbstractList | undefined {
    let abstract = this.abstracts.get(list.abstractId);
    for (let hops = 0; abstract?.numStyleLink !== undefined && hops < 4; hops++) {
      const linkedNum = this.styles.numbering(abstract.numStyleLink).numId;
      const linked = linkedNum !== undefined ? this.lists.get(linkedNum) : undefined;
      const next = linked ? this.abstracts.get(linked.abstractId) : undefined;
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }

  private parse(bytes: Uint8Array, part: string): void {
    readXml(bytes, part, (attr) => {
      let abstract: AbstractList | undefined;
      let list: List | undefined;
      let override: Override | undefined;
      let level: Level | undefined;
      let levelIndex = 0;
      let inLevelRunProperties = false;
      return {
        open: (name, attributes) => {
          const val = () => attr(attributes, 'val');
          switch (name) {
            case 'abstractNum': {
              abstract = { levels: [] };
              const id = intOf(attr(attributes, 'abstractNumId'));
              if (id !== undefined) this.abstracts.set(id, abstract);
              break;
            }
            case 'num': {
              const id = intOf(attr(attributes, 'numId'));
              list = { abstractId: -1, overrides: new Map() };
              if (id !== undefined) this.lists.set(id, list);
              break;
            }
            case 'abstractNumId':
              if (list) list.abstractId = intOf(val()) ?? -1;
              break;
            case 'lvlOverride': {
              override = {};
              const ilvl = intOf(attr(attributes, 'ilvl'));
              if (list && ilvl !== undefined) list.overrides.set(ilvl, override);
              break;
            }
            case 'startOverride':
              if (override) override.start = intOf(val());
              break;
            case 'numStyleLink':
              if (abstract) abstract.numStyleLink = val();
              break;
            case 'lvl':
              level = { start: 0, format: 'decimal', legal: false, suffix: '\t' };
              levelIndex = intOf(attr(attributes, 'ilvl')) ?? 0;
              break;
            case 'rPr':
              inLevelRunProperties = level !== undefined;
              break;
          }
          if (!level) return;
          switch (name) {
            case 'start':
              level.start = intOf(val()) ?? 0;
              break;
            case 'numFmt':
              // A w14 custom format ("001, 002, 003") comes first, with a standard one as fallback.
              if (level.format === 'decimal' || level.format === 'custom') level.format = customFormat(val(), attr(attributes, 'format'));
              break;
            case 'lvlText':
              level.text = val();
              break;
            case 'lvlRestart':
              level.restart = intOf(val());
              break;
            case 'isLgl':
              level.legal = isOn(val());
              break;
            case 'suff':
              level.suffix = SUFFIX[val() ?? 'tab'] ?? '\t';
              break;
            case 'pStyle':
              level.style = val();
              break;
            case 'rFonts':
              if (inLevelRunProperties) level.font = attr(attributes, 'ascii') ?? attr(attributes, 'hAnsi');
              break;
          }
        },
        close: (name) => {
          switch (name) {
            case 'lvl':
              if (level) {
                if (override) override.level = level;
                else if (abstract && levelIndex >= 0 && levelIndex < LEVELS) abstract.levels[levelIndex] = level;
              }
              level = undefined;
              break;
            case 'rPr':
              inLevelRunProperties = false;
              break;
            case 'lvlOverride':
              override = undefined;
              break;
            case 'abstractNum':
              abstract = undefined;
              break;
            case 'num':
              list = undefined;
              break;
          }
        },
        text: () => {},
      };
    });
  }
}

/** A custom format by its sample: "01, 02, 03, ..." is decimal with a zero. */
function customFormat(format: string | undefined, sample: string | undefined): string {
  if (format !== 'custom') return format ?? 'decimal';
  return sample && /^0\d/.test(sample) ? 'decimalZero' : 'decimal';
}
