import { z } from 'zod';

/** Schemas of the catalogue data files (built-in and user extra files). */

const text = z.string({ error: 'expected a string' }).trim().min(1, { error: 'must not be empty' });
const listItem = z.string({ error: 'expected array of strings' }).trim().min(1, { error: 'must not be empty' });
const stringList = z.array(listItem, { error: 'expected array of strings' });
const isoDate = z.iso.date({ error: 'expected a date yyyy-mm-dd' });

export const subjectCodeSchema = z.strictObject({
  // Upper-case letters, with the hyphen of SCH-EVAL and the slash of bilingual pairs (CFSP/PESC).
  code: z.string({ error: 'expected a string' }).regex(/^[A-Z]+(?:-[A-Z]+)?(?:\/[A-Z]+)?$/, {
    error: 'expected an upper-case code such as JAIEX or CFSP/PESC',
  }),
  description: text,
});

export const languageSchema = z.strictObject({
  code: z.string({ error: 'expected a string' }).regex(/^[a-z]{2}$/, { error: 'expected a two-letter lower-case code' }),
  name: text,
});

export const markingSchema = z.strictObject({
  marking: text,
  /** 0 for LIMITE (not classified), 1 RESTREINT UE … 4 TRES SECRET UE. */
  level: z.int({ error: 'expected a whole number' }).min(0).max(4),
  classified: z.boolean({ error: 'expected true or false' }),
  description: text,
  aliases: stringList.default([]),
});

export const presidencySchema = z.strictObject({
  year: z.int({ error: 'expected a whole number' }).min(1958).max(2100),
  half: z.union([z.literal(1), z.literal(2)], { error: 'expected 1 or 2' }),
  country: text,
  iso: z.string({ error: 'expected a string' }).regex(/^[A-Z]{2}$/, { error: 'expected a two-letter ISO code' }),
  /** Adjectives as drafters write them: "the Polish Presidency", "the Netherlands Presidency". */
  adjectives: stringList.min(1, { error: 'expected at least one adjective' }),
  /** Other names of the country ("Czechia"). */
  aliases: stringList.default([]),
  start: isoDate,
  end: isoDate,
});

const entryId = z.string({ error: 'expected a string' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'expected a kebab-case id such as eu-us-pnr-agreement',
});

export const instrumentKinds = [
  'agreement',
  'directive',
  'regulation',
  'decision',
  'convention',
  'protocol',
  'statute',
  'programme',
  'system',
  'proposal',
  'act',
  'framework-decision',
  'topic',
] as const;

export const instrumentSchema = z.strictObject({
  id: entryId,
  /** Canonical name, as drafters write it. */
  name: text,
  kind: z.enum(instrumentKinds, { error: `expected one of ${instrumentKinds.join(', ')}` }),
  /** Other names; matched without regard to case. */
  aliases: stringList.default([]),
  /** Short forms (PNR, TFTP); matched case-sensitively. */
  abbreviations: stringList.default([]),
  /** Full official title. */
  title: text.optional(),
  /** Legal reference: "OJ L 215, 11.8.2012, p. 5", "Directive (EU) 2016/681", "CETS No. 185". */
  reference: text.optional(),
  year: z.int({ error: 'expected a whole number' }).min(1900).max(2100).optional(),
  /** Anything a reader should know (status, what the reference is). */
  note: text.optional(),
});

export const bodySchema = z.strictObject({
  id: entryId,
  name: text,
  jurisdiction: z.enum(['EU', 'US', 'international'], { error: 'expected EU, US or international' }).optional(),
  aliases: stringList.default([]),
  abbreviations: stringList.default([]),
  description: text,
});

export const subjectCodesFileSchema = z.array(subjectCodeSchema);
export const languagesFileSchema = z.array(languageSchema);
export const markingsFileSchema = z.array(markingSchema);
export const presidenciesFileSchema = z.array(presidencySchema);
export const instrumentsFileSchema = z.array(instrumentSchema);
export const bodiesFileSchema = z.array(bodySchema);

/**
 * A user's extra catalogue file. Entries stay unknown here: each is checked on its own
 * so that one bad entry does not drop the good ones.
 */
export const extraFileSchema = z.strictObject({
  subjectCodes: z.array(z.unknown(), { error: 'expected an array' }).optional(),
  instruments: z.array(z.unknown(), { error: 'expected an array' }).optional(),
  bodies: z.array(z.unknown(), { error: 'expected an array' }).optional(),
});

export type SubjectCode = z.infer<typeof subjectCodeSchema>;
export type Language = z.infer<typeof languageSchema>;
export type Marking = z.infer<typeof markingSchema>;
export type Presidency = z.infer<typeof presidencySchema>;
export type InstrumentKind = (typeof instrumentKinds)[number];
export type Instrument = z.infer<typeof instrumentSchema>;
export type Body = z.infer<typeof bodySchema>;
/** Anything findMentions can point at. */
export type Entry = Instrument | Body;

export interface CatalogueData {
  subjectCodes: SubjectCode[];
  languages: Language[];
  markings: Marking[];
  presidencies: Presidency[];
  instruments: Instrument[];
  bodies: Body[];
}
