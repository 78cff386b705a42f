import { readXml } from './xml';

/**
 * What the reader needs of styles.xml: a paragraph style's list (a heading style numbered
 * through its numPr, as Council templates number their sections) and the two run properties that
 * change what a drafter sees: all capitals (`w:caps`) and hidden text (`w:vanish`). Each is read
 * through the style's basedOn chain.
 */
export interface StyleNumbering {
  numId?: number;
  ilvl?: number;
}

export interface RunLook {
  caps?: boolean;
  vanish?: boolean;
}

interface Style {
  basedOn?: string;
  numbering: StyleNumbering;
  look: RunLook;
}

const PLAIN: RunLook = {};

/** Chains longer than this are a loop in a broken file. */
const MAX_CHAIN = 32;

export class Styles {
  private readonly styles = new Map<string, Style>();
  defaultParagraphStyle?: string;
  private readonly defaults: RunLook = {};
  private readonly numberingCache = new Map<string, StyleNumbering>();
  private readonly lookCache = new Map<string, RunLook>();
  /** Whether any style or the defaults set caps or hidden. */
  private styled = false;

  static read(bytes: Uint8Array | undefined, part: string): Styles {
    const styles = new Styles();
    if (bytes) styles.parse(bytes, part);
    return styles;
  }

  /** The paragraph style's list and level, from the style or the styles it is based on. */
  numbering(styleId: string | undefined): StyleNumbering {
    const id = styleId ?? this.defaultParagraphStyle;
    if (id === undefined) return {};
    let out = this.numberingCache.get(id);
    if (out) return out;
    out = {};
    let style = this.styles.get(id);
    for (let depth = 0; style && depth < MAX_CHAIN; depth++) {
      out.numId ??= style.numbering.numId;
      out.ilvl ??= style.numbering.ilvl;
      if (out.numId !== undefined && out.ilvl !== undefined) break;
      style = style.basedOn !== undefined ? this.styles.get(style.basedOn) : undefined;
    }
    this.numberingCache.set(id, out);
    return out;
  }

  /** Caps and hidden as a run shows them: its own properties over its character style, over its paragraph's style, over the defaults. */
  look(direct: RunLook, runStyle: string | undefined, paragraphStyle: string | undefined): RunLook {
    // Most runs set neither and most documents style neither: no work for them.
    if (!this.styled && direct.caps === undefined && direct.vanish === undefined) return PLAIN;
    const run = runStyle !== undefined ? this.chainLook(runStyle) : undefined;
    const paragraph = this.chainLook(paragraphStyle ?? this.defaultParagraphStyle);
    return {
      caps: direct.caps ?? run?.caps ?? paragraph?.caps ?? this.defaults.caps,
      vanish: direct.vanish ?? run?.vanish ?? paragraph?.vanish ?? this.defaults.vanish,
    };
  }

  private chainLook(id: string | undefined): RunLook | undefined {
    if (id === undefined) return undefined;
    let out = this.lookCache.get(id);
    if (out) return out;
    out = {};
    let style = this.styles.get(id);
    for (let depth = 0; style && depth < MAX_CHAIN; depth++) {
      out.caps ??= style.look.caps;
      out.vanish ??= style.look.vanish;
      style = style.basedOn !== undefined ? this.styles.get(style.basedOn) : undefined;
    }
    this.lookCache.set(id, out);
    return out;
  }

  private parse(bytes: Uint8Array, part: string): void {
    readXml(bytes, part, (attr) => {
      let style: Style | undefined;
      let look: RunLook | undefined;
      /** Inside a record of an earlier revision (w:pPrChange, w:rPrChange), not the style as it is, or in the latent styles' long list, which says nothing read here. */
      let revisionDepth = 0;
      let inDefaults = false;
      return {
        open: (name, attributes) => {
          if (revisionDepth > 0 || name.endsWith('PrChange') || name === 'latentStyles') {
            revisionDepth++;
            return;
          }
          switch (name) {
            case 'style': {
              style = { numbering: {}, look: {} };
              look = style.look;
              const id = attr(attributes, 'styleId');
              if (id !== undefined) this.styles.set(id, style);
              if (attr(attributes, 'type') === 'paragraph' && isTrue(attr(attributes, 'default')) && id !== undefined) this.defaultParagraphStyle = id;
              break;
            }
            case 'rPrDefault':
              inDefaults = true;
              look = this.defaults;
              break;
            case 'basedOn':
              if (style) style.basedOn = attr(attributes, 'val');
              break;
            case 'numId':
              if (style) style.numbering.numId = intOf(attr(attributes, 'val'));
              break;
            case 'ilvl':
              if (style) style.numbering.ilvl = intOf(attr(attributes, 'val'));
              break;
            case 'caps':
              if (look) {
                look.caps = isOn(attr(attributes, 'val'));
                this.styled = true;
              }
              break;
            case 'vanish':
              if (look) {
                look.vanish = isOn(attr(attributes, 'val'));
                this.styled = true;
              }
              break;
          }
        },
        close: (name) => {
          if (revisionDepth > 0) {
            revisionDepth--;
            return;
          }
          if (name === 'style') style = look = undefined;
          else if (name === 'rPrDefault' && inDefaults) {
            inDefaults = false;
            look = undefined;
          }
        },
        text: () => {},
      };
    });
  }
}

/** An on/off property: on unless its value says off. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !(value === '0' || value === 'false' || value === 'off');
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'on';
}

export function intOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}
