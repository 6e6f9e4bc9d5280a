import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { validateXML } from 'xmllint-wasm';
import { TAXONOMY_CODES } from '#domain';
import { codebookXml, codeGuid } from './codebook.js';
import { guidOf } from './guids.js';
import { projectXml, sourceText, type QdaProject } from './project.js';

const schema = (name: string) => ({
  fileName: name,
  contents: readFileSync(new URL(`./schema/${name}`, import.meta.url), 'utf8'),
});

async function validate(xml: string, xsd: string) {
  const result = await validateXML({ xml: { fileName: 'document.xml', contents: xml }, schema: schema(xsd) });
  return { valid: result.valid, errors: result.errors.map((error) => error.message) };
}

/** A project with an interview (two quotes, one observation without a quote) and a reflexive note. */
const PROJECT: QdaProject = {
  projectId: 'p-1',
  name: 'Valley pilot & partners <2024>',
  exportedAt: new Date('2025-04-01T10:00:00.000Z'),
  sources: [
    {
      id: 'ev-interview',
      name: 'interview 2025-03-02 ev-interview',
      description: 'interview ev-interview; interviewee carer carer-8',
      recordedAt: new Date('2025-03-02T10:00:00.000Z'),
      text: null,
      codings: [
        {
          observationId: 'obs-1',
          taxonomy: 'pilot_barriers',
          code: 'lack_of_trust',
          codedAt: new Date('2025-03-03T10:00:00.000Z'),
          quote: { text: 'I did not know them.', attribution: 'Carer, female, 8' },
          description: 'barrier: pilot_barriers / lack_of_trust',
        },
        {
          observationId: 'obs-2',
          taxonomy: 'positive_outcomes',
          code: 'competence',
          codedAt: new Date('2025-03-03T10:05:00.000Z'),
          quote: { text: 'Now I can lift him — safely.', attribution: 'Carer, female, 8' },
          description: 'positive_outcome: positive_outcomes / competence',
        },
        {
          observationId: 'obs-3',
          taxonomy: 'co_destruction_causes',
          code: 'mistakes',
          codedAt: new Date('2025-03-03T10:10:00.000Z'),
          quote: null,
          description: 'barrier: co_destruction_causes / mistakes',
        },
      ],
    },
    {
      id: 'ev-note',
      name: 'reflexive_note 2025-03-04 ev-note',
      description: 'reflexive_note ev-note',
      recordedAt: new Date('2025-03-04T10:00:00.000Z'),
      text: 'Fewer came after the cancellation.',
      codings: [],
    },
  ],
};

describe('REFI-QDA exports', () => {
  it('the codebook (.qdc) validates against the published Codebook.xsd and holds every code of every taxonomy', async () => {
    // Given the platform's coding schemes / When they are written as a codebook
    const xml = codebookXml();
    // Then the document is valid, in the codebook namespace, with one codable code per taxonomy code
    expect(await validate(xml, 'Codebook.xsd')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    const codable = xml.match(/isCodable="true"/g) ?? [];
    expect(codable).toHaveLength(Object.values(TAXONOMY_CODES).flat().length);
    expect(xml).toContain(`guid="${codeGuid('pilot_barriers', 'lack_of_trust')}"`);
    // And the validation is not vacuous: the wrong namespace, or a GUID that is not one, is refused
    expect((await validate(xml.replace(':codebook:1.0', ':codebook:1:0'), 'Codebook.xsd')).valid).toBe(false);
    expect((await validate(xml.replace(/guid="[^"]+"/, 'guid="not-a-guid"'), 'Codebook.xsd')).valid).toBe(false);
  });

  it('the project (.qde) validates against the published Project.xsd', async () => {
    // Given a project with quotes, an observation without one and a note / When written as a project
    const xml = projectXml(PROJECT);
    // Then it is valid and in the project namespace
    expect(await validate(xml, 'Project.xsd')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<Project xmlns="urn:QDA-XML:project:1.0"');
  });

  it('selections point at each quote in the plain text, counted in characters', () => {
    // Given the interview / When its text is laid out
    const { text, selections } = sourceText(PROJECT.sources[0]!);
    // Then each selection covers exactly its quote (code points: the dash is one character)
    const characters = [...text];
    const slice = (id: string) => {
      const { start, end } = selections.get(id)!;
      return characters.slice(start, end).join('');
    };
    expect(slice('obs-1')).toBe('I did not know them.');
    expect(slice('obs-2')).toBe('Now I can lift him — safely.');
    expect(selections.has('obs-3')).toBe(false);
    expect(text).toBe('Carer, female, 8: I did not know them.\n\nCarer, female, 8: Now I can lift him — safely.');
  });

  it('GUIDs are stable name-based UUIDs, so two exports of a project merge', () => {
    expect(guidOf('code', 'pilot_barriers', 'lack_of_trust')).toBe(guidOf('code', 'pilot_barriers', 'lack_of_trust'));
    expect(guidOf('code', 'a', 'b')).not.toBe(guidOf('code', 'a', 'c'));
    expect(guidOf('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
