import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltInCatalogue, loadCatalogue, type Catalogue } from '../../server/src/core/catalogue';
import { Matcher, type Term } from '../../server/src/core/catalogue/matcher';
import { catalogueDataLoading } from '../../server/src/core/catalogue/load';
import { buildCatalogue } from '../../server/src/node/catalogueBuild';

// Tests run from out/test/unit; shared/ sits beside the repository.
const corpusDir = path.resolve(__dirname, '../../../../shared/corpus');

function corpusFiles(): string[] {
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(corpusDir, f));
}

/** Subject codes of a document's header: the "CODE NUMBER" lines before OUTCOME OF PROCEEDINGS. */
function headerCodes(text: string): string[] {
  const header = text.split(/OUTCOME OF PROCEEDINGS/)[0];
  const codes: string[] = [];
  for (const raw of header.split(/\r?\n/)) {
    const line = raw.replace(/<\/?b>|\*\*/g, '').trim();
    const m = /^([A-Z][A-Z-]*(?:\/[A-Z]+)?)\s+\d+$/.exec(line);
    if (m) codes.push(m[1]);
  }
  return codes;
}

function mentioned(c: Catalogue, text: string): string[] {
  return c.findMentions(text).map((m) => `${m.id}=${text.slice(m.start, m.end)}`);
}

describe('catalogue', () => {
  const c = loadBuiltInCatalogue();

  describe('data', () => {
    it('validates and is cached', () => {
      assert.equal(loadBuiltInCatalogue(), c);
      assert.ok(c.instruments.length + c.topics.length >= 45);
      assert.ok(c.bodies.length >= 20);
    });

    it('gives every instrument and body a unique id reachable through entry()', () => {
      for (const e of [...c.instruments, ...c.topics, ...c.bodies]) assert.equal(c.entry(e.id), e);
      assert.equal(c.entry('no-such-thing'), undefined);
    });
  });

  describe('subject codes', () => {
    it('holds at least 70 codes, each with a description', () => {
      assert.ok(c.subjectCodes.length >= 70, `${c.subjectCodes.length} codes`);
      for (const s of c.subjectCodes) assert.ok(s.description.length > 3, s.code);
    });

    it('knows every code of the corpus headers', () => {
      const files = corpusFiles();
      assert.ok(files.length >= 4, `corpus not found at ${corpusDir}`);
      let seen = 0;
      for (const file of files) {
        for (const code of headerCodes(fs.readFileSync(file, 'utf8'))) {
          seen++;
          assert.ok(c.subjectCode(code), `${path.basename(file)}: ${code}`);
        }
      }
      assert.ok(seen >= 40, `only ${seen} header codes read`);
    });

    it('knows the codes of TEMPLATE.md and bilingual pairs as a whole', () => {
      for (const code of ['COMIX', 'DROIPEN', 'GENVAL', 'PESC', 'CODEC', 'COWEB', 'CIVCOM', 'CFSP/PESC', 'CSDP/PSDC']) {
        assert.ok(c.subjectCode(code), code);
      }
    });

    it('knows the partner-country codes of the PNR agreements\' documents (USA, Canada, Australia)', () => {
      for (const code of ['USA', 'CDN', 'AUS']) assert.match(c.subjectCode(code)?.description ?? '', /^Relations with /, code);
    });

    it('is case-sensitive', () => {
      assert.equal(c.subjectCode('relex'), undefined);
      assert.equal(c.subjectCode('RELEX')?.code, 'RELEX');
    });

    it('offers the closest codes for a typo', () => {
      assert.equal(c.closestSubjectCodes('RELXE')[0], 'RELEX');
      assert.equal(c.closestSubjectCodes('JAIXE')[0], 'JAIEX');
      assert.equal(c.closestSubjectCodes('ENFOPOLL', 1).length, 1);
      assert.deepEqual(c.closestSubjectCodes('QQQQQQQQQQQQ'), []);
    });
  });

  describe('languages and markings', () => {
    it('has the 24 official languages', () => {
      assert.equal(c.languages.length, 24);
      assert.equal(c.language('en')?.name, 'English');
      assert.equal(c.language('ga')?.name, 'Irish');
      assert.equal(c.language('xx'), undefined);
    });

    it('recognises markings whatever the case and spacing', () => {
      assert.equal(c.marking('LIMITE')?.classified, false);
      assert.equal(c.marking('Restreint  UE / EU restricted')?.level, 1);
      assert.equal(c.marking('TRÈS SECRET UE/EU TOP SECRET')?.level, 4);
      assert.equal(c.marking('SECRET'), undefined);
      assert.equal(c.markings.length, 5);
    });
  });

  describe('presidency rota', () => {
    const on = (date: string) => c.presidencyOn(date);
    const adjective = (date: string) => on(date)?.adjectives[0];
    const incoming = (date: string) => c.presidencyAfter(on(date)!)?.adjectives[0];

    it('covers 2007 to 2030, two semesters a year', () => {
      assert.equal(c.presidencies.length, 48);
      assert.equal(on('2007-01-01')?.country, 'Germany');
      assert.equal(on('2030-12-31')?.country, 'Malta');
      assert.equal(on('2006-12-31'), undefined);
      assert.equal(on('2031-01-01'), undefined);
    });

    it('matches the corpus meetings (TEMPLATE.md §4)', () => {
      assert.equal(adjective('2011-07-25'), 'Polish');
      assert.equal(incoming('2011-07-25'), 'Danish');
      assert.equal(adjective('2017-06-15'), 'Maltese');
      assert.equal(incoming('2017-06-15'), 'Estonian');
      assert.equal(adjective('2018-05-22'), 'Bulgarian');
      assert.equal(incoming('2018-05-22'), 'Austrian');
      assert.equal(adjective('2023-03-16'), 'Swedish');
      assert.equal(incoming('2023-03-16'), 'Spanish');
    });

    it('switches semester on 1 July and has no successor after 2030', () => {
      assert.equal(on('2016-06-30')?.country, 'Netherlands');
      assert.equal(on('2016-07-01')?.country, 'Slovakia');
      assert.equal(c.presidencyAfter(on('2030-12-31')!), undefined);
    });

    it('finds every semester of a country by name or adjective', () => {
      assert.deepEqual(
        c.presidencyByName('dutch').map((p) => `${p.year}-${p.half}`),
        ['2016-1', '2029-2'],
      );
      assert.equal(c.presidencyByName('Netherlands').length, 2);
      assert.equal(c.presidencyByName('Czechia').length, 2);
      assert.equal(c.presidencyByName('Slovene')[0].country, 'Slovenia');
      assert.equal(c.presidencyByName('Cyprus').length, 2);
      assert.deepEqual(c.presidencyByName('Norwegian'), []);
    });
  });

  describe('findMentions', () => {
    it('does not take a place for the convention named after it', () => {
      assert.deepEqual(mentioned(c, 'a workshop in Budapest on 3 May'), []);
      assert.deepEqual(mentioned(c, 'ratify the Budapest Convention'), ['budapest-convention=Budapest Convention']);
      assert.deepEqual(mentioned(c, 'the Council of Europe Cybercrime Convention'), [
        'budapest-convention=Council of Europe Cybercrime Convention',
      ]);
    });

    it('keeps TFTS and TFTP apart', () => {
      assert.deepEqual(mentioned(c, 'the TFTS proposal, not the TFTP'), [
        'eu-tfts=TFTS proposal',
        'eu-us-tftp-agreement=TFTP',
      ]);
    });

    it('resolves PNR deliberately', () => {
      assert.deepEqual(mentioned(c, 'On PNR, the EU PNR and the EU-US PNR agreement'), [
        'pnr=PNR',
        'pnr-directive=EU PNR',
        'eu-us-pnr-agreement=EU-US PNR agreement',
      ]);
      assert.deepEqual(mentioned(c, 'the opinion on the PNR Canada'), ['eu-canada-pnr-agreement=PNR Canada']);
    });

    it('matches names in any case and across line breaks and dashes, abbreviations in their case', () => {
      assert.deepEqual(mentioned(c, 'THE EU – US PNR\nAGREEMENT'), ['eu-us-pnr-agreement=EU – US PNR\nAGREEMENT']);
      assert.deepEqual(mentioned(c, 'e-Evidence and E-EVIDENCE'), ['e-evidence=e-Evidence', 'e-evidence=E-EVIDENCE']);
      assert.deepEqual(mentioned(c, 'the LED, which led to'), ['law-enforcement-directive=LED']);
      assert.deepEqual(mentioned(c, 'tftp gdpr'), []);
    });

    it('matches only whole words', () => {
      assert.deepEqual(mentioned(c, 'PNRs EUROPOLIS xTFTP TFTP2'), []);
      assert.deepEqual(mentioned(c, "Europol's analysis (EPPO)"), ['europol=Europol', 'eppo=EPPO']);
    });

    it('prefers the longest name and never overlaps', () => {
      const text = 'the 4th Anti-Money Laundering Directive and the EU Counter-Terrorism Coordinator';
      assert.deepEqual(mentioned(c, text), [
        'amld4=4th Anti-Money Laundering Directive',
        'eu-ctc=EU Counter-Terrorism Coordinator',
      ]);
      const ms = c.findMentions('Eurojust and Europol, Eurojust');
      for (let k = 1; k < ms.length; k++) assert.ok(ms[k - 1].end <= ms[k].start);
    });

    describe('matcher rules', () => {
      const term = (id: string, text: string, caseSensitive = false): Term => ({ id, text, caseSensitive });
      const matcher = Matcher.of([
        term('ab', 'Alpha Beta'),
        term('abg', 'Alpha-Beta Gamma'),
        term('xray', 'X-Ray'),
        term('pnr', 'PNR', true),
        term('eu-pnr', 'EU PNR'),
        term('pnr-ca', 'PNR Canada agreement'),
        term('ice', 'ICE', true),
        term('ice-name', 'ice'),
        term('e2e', 'end-to-end encryption'),
        term('tfts', 'EU TFTS (Terrorist Finance Tracking System)'),
        term('blank', '   '),
      ]);
      const found = (text: string) => matcher.find(text).map((m) => `${m.id}=${text.slice(m.start, m.end)}`);

      it('takes plain whitespace for a hyphen unless another name has a space there', () => {
        assert.deepEqual(found('x ray, X–\n–RAY, x - ray'), ['xray=x ray', 'xray=X–\n–RAY', 'xray=x - ray']);
        assert.deepEqual(found('alpha beta gamma'), ['ab=alpha beta']);
        assert.deepEqual(found('alpha -beta gamma, ALPHA\u2212BETA\nGAMMA'), ['abg=alpha -beta gamma', 'abg=ALPHA\u2212BETA\nGAMMA']);
        assert.deepEqual(found('end to end encryption, end-to end encryption, end-to end -encryption'), [
          'e2e=end to end encryption',
          'e2e=end-to end encryption',
        ]);
        assert.deepEqual(found('xray x--ray-'), ['xray=x--ray']);
      });

      it('keeps the leftmost match, then the longest, and checks both word boundaries', () => {
        assert.deepEqual(found('the EU PNR Canada agreement'), ['eu-pnr=EU PNR']);
        assert.deepEqual(found('the PNR Canada agreement'), ['pnr-ca=PNR Canada agreement']);
        assert.deepEqual(found('x-PNR-y PNR2 EUPNR _PNR_ (PNR)'), ['pnr=PNR', 'pnr=PNR', 'pnr=PNR']);
        assert.deepEqual(found('eu tfts (terrorist finance tracking system)x'), ['tfts=eu tfts (terrorist finance tracking system)']);
        assert.deepEqual(found('PNR'), ['pnr=PNR']);
        assert.deepEqual(found(''), []);
      });

      it('finds line by line in one pass: no name runs over a line break, offsets are into the text', () => {
        const text = 'x ray\nalpha\nbeta, X-\n-RAY\r\nPNR alpha beta';
        const inLines = matcher.findInLines(text).map((m) => `${m.id}=${text.slice(m.start, m.end)}@${m.start}`);
        let at = 0;
        const perLine = text.split(/\r?\n/).flatMap((line, k, all) => {
          const found = matcher.find(line).map((m) => `${m.id}=${line.slice(m.start, m.end)}@${m.start + at}`);
          at += line.length + (text.slice(at + line.length).startsWith('\r\n') ? 2 : 1);
          return k < all.length ? found : [];
        });
        assert.deepEqual(inLines, perLine);
        assert.deepEqual(inLines, ['xray=x ray@0', 'pnr=PNR@27', 'ab=alpha beta@31']);
        // From a later line: the lines before it are not read, offsets stay into the whole text.
        assert.deepEqual(matcher.findInLines(text, text.indexOf('PNR')).map((m) => `${m.id}@${m.start}`), ['pnr@27', 'ab@31']);
        assert.deepEqual(matcher.findInLines(text, text.indexOf('beta,')).map((m) => m.id), ['pnr', 'ab']);
        assert.deepEqual(found(text), ['xray=x ray', 'ab=alpha\nbeta', 'xray=X-\n-RAY', 'pnr=PNR', 'ab=alpha beta']);
      });

      it('reports the first term spelt alike that the case allows', () => {
        assert.deepEqual(found('ICE, ice, Ice, pnr'), ['ice=ICE', 'ice-name=ice', 'ice-name=Ice']);
      });

      it('notes where cue words stand at word starts, in any case, beside the same mentions', () => {
        const withCues = Matcher.of(
          [term('ab', 'Alpha Beta'), term('pnr', 'PNR', true), term('mb', 'Meeting Board')],
          ['meeting', 'SOM'],
        );
        const plain = Matcher.of([term('ab', 'Alpha Beta'), term('pnr', 'PNR', true), term('mb', 'Meeting Board')]);
        const text = 'The Meeting Board met; some PNR meetings\nat the SOM, alpha beta, premeeting';
        const cues: number[] = [];
        const mentions = withCues.findInLines(text, 0, cues);
        assert.deepEqual(mentions, plain.findInLines(text));
        assert.deepEqual(
          cues.map((at) => text.slice(at, at + 7)),
          ['Meeting', 'some PN', 'meeting', 'SOM, al'],
        );
        // "premeeting": not at a word start, so not noted.
        // Without an array to fill, the same mentions.
        assert.deepEqual(withCues.findInLines(text), mentions);
        assert.throws(() => Matcher.of([], ['two words']), /one word/);
      });

      it('scans a text longer than the array it keeps between scans, then a short one, and a two-byte one', () => {
        const long = `${'x '.repeat(600_000)}the PNR and alpha\nbeta`;
        assert.deepEqual(found(long), ['pnr=PNR', 'ab=alpha\nbeta']);
        assert.deepEqual(found('PNR'), ['pnr=PNR']);
        assert.deepEqual(found('\u0394 x\u2013ray, \u0394 ice'), ['xray=x\u2013ray', 'ice-name=ice']);
        // A short text after a longer one: what the kept array still holds past it is not read.
        assert.deepEqual(found(`${'q '.repeat(40)}alpha beta`), ['ab=alpha beta']);
        assert.deepEqual(found('alpha'), []);
      });

      it('keeps working past 32,767 states (a large catalogue of its own): the table grows to 32-bit entries', () => {
        // 4,000 names of ten pseudo-random letters share few beginnings: about 50,000 states.
        let seed = 7;
        const letters = () => Array.from({ length: 10 }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2147483648) >> 16) % 26)).join('');
        const names = Array.from({ length: 4000 }, (_, k) => `${letters()} ${k}`);
        const large = Matcher.of([...names.map((text, k) => term(`n${k}`, text)), term('pnr', 'PNR', true)]);
        assert.ok(large.compiled.automaton.table instanceof Uint32Array);
        assert.ok(matcher.compiled.automaton.table instanceof Uint16Array);
        const text = `see ${names[3999].toUpperCase()}, then PNR and ${names[17]}; not x${names[5]}`;
        assert.deepEqual(
          large.find(text).map((m) => `${m.id}=${text.slice(m.start, m.end)}`),
          [`n3999=${names[3999].toUpperCase()}`, 'pnr=PNR', `n17=${names[17]}`],
        );
      });
    });

    it('finds instruments and bodies in the corpus', () => {
      const ids = new Set(corpusFiles().flatMap((f) => c.findMentions(fs.readFileSync(f, 'utf8')).map((m) => m.id)));
      for (const id of ['eu-us-pnr-agreement', 'eu-tfts', 'budapest-convention', 'pnr-directive', 'europol', 'rome-statute']) {
        assert.ok(ids.has(id), id);
      }
    });
  });

  describe('extra catalogue files', () => {
    const files: Record<string, string> = {
      'good.json': JSON.stringify({
        subjectCodes: [{ code: 'NEWCODE', description: 'A code the built-in list lacks' }],
        instruments: [
          {
            id: 'budapest-convention',
            name: 'Budapest Convention',
            kind: 'convention',
            aliases: ['Cyber Convention'],
          },
          { id: 'new-pact', name: 'New Pact on Migration and Asylum', kind: 'proposal', abbreviations: ['NPMA'] },
        ],
        bodies: [{ id: 'hsi', name: 'Homeland Security Investigations', description: 'DHS investigative agency', abbreviations: ['HSI'] }],
      }),
      'bad-json.json': '{\n  "instruments": [\n    { "id": "x", }\n  ]\n}',
      'bad-field.json': JSON.stringify({
        instruments: [
          { id: 'ok-one', name: 'Fine instrument', kind: 'act' },
          { id: 'bad-one', name: 'Broken instrument', kind: 'act', aliases: 'not a list' },
        ],
      }),
      'bad-key.json': JSON.stringify({ instrument: [] }),
    };
    const readFile = (p: string) => {
      if (!(p in files)) throw new Error(`ENOENT: no such file, open '${p}'`);
      return files[p];
    };

    it('adds and overrides entries', () => {
      const { catalogue, problems } = loadCatalogue(['good.json'], readFile);
      assert.deepEqual(problems, []);
      assert.ok(catalogue.subjectCode('NEWCODE'));
      assert.ok(catalogue.subjectCode('JAIEX'));
      assert.deepEqual(mentioned(catalogue, 'the Cyber Convention and NPMA, HSI'), [
        'budapest-convention=Cyber Convention',
        'new-pact=NPMA',
        'hsi=HSI',
      ]);
      // The override replaced the built-in aliases: only the topic is left here.
      assert.deepEqual(mentioned(catalogue, 'Convention on Cybercrime'), ['cybercrime=Cybercrime']);
      assert.equal(loadBuiltInCatalogue().subjectCode('NEWCODE'), undefined);
    });

    it('reports invalid JSON with file and position, and loads the rest', () => {
      const { catalogue, problems } = loadCatalogue(['bad-json.json', 'good.json'], readFile);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].file, 'bad-json.json');
      assert.match(problems[0].message, /^bad-json\.json: invalid JSON at line 3, column \d+/);
      assert.ok(catalogue.subjectCode('NEWCODE'));
    });

    it('reports a wrong field type by file and field, keeping the valid entries', () => {
      const { catalogue, problems } = loadCatalogue(['bad-field.json'], readFile);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].path, 'instruments[1].aliases');
      assert.equal(problems[0].message, 'bad-field.json: instruments[1].aliases: expected array of strings');
      assert.ok(catalogue.entry('ok-one'));
      assert.equal(catalogue.entry('bad-one'), undefined);
    });

    it('reports unknown keys and unreadable files', () => {
      const { problems } = loadCatalogue(['bad-key.json', 'missing.json'], readFile);
      assert.equal(problems.length, 2);
      assert.match(problems[0].message, /^bad-key\.json: .*instrument/);
      assert.match(problems[1].message, /^missing\.json: cannot read the file: ENOENT/);
    });
  });
});

describe('catalogue built with its matcher on a worker thread', () => {
  it('finds the names an extra file adds, as the catalogue built on this thread does', async () => {
    const extra = JSON.stringify({ instruments: Array.from({ length: 2000 }, (_, i) => ({ id: `instrument-${i}`, name: `Instrument number ${i}`, kind: 'agreement' })) });
    const steps = catalogueDataLoading(['extra.json'], () => extra);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const data = step.value.data!;
    const built = await buildCatalogue(data);
    const text = 'The PNR Agreement and Instrument number 1999 were discussed.';
    assert.deepEqual(built.findMentions(text), loadCatalogue(['extra.json'], () => extra).catalogue.findMentions(text));
    assert.deepEqual(built.findMentions(text).map((m) => m.id), ['pnr', 'instrument-1999']);
  });
});
