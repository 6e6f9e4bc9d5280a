import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { involvementShortcoming, TAXONOMIES, TAXONOMY_CODES, type Taxonomy } from '#domain';
import { guidOf } from './guids.js';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const ORIGIN = 'Co-production platform';

/** What each coding scheme is (docs/domain.md), as the description of its parent code. */
const TAXONOMY_DESCRIPTIONS: Readonly<Record<Taxonomy, string>> = {
  co_destruction_causes: 'The published taxonomy of eight causes of value co-destruction.',
  public_agency_causes: "Causes of co-destruction seen in public agencies, in users' and providers' views.",
  pilot_barriers: 'The four barriers found in the pilot.',
  involvement_shortcomings:
    'Shortcomings of involvement, by stage (antecedent, process, negative effect) and by who falls short.',
  positive_outcomes: 'Positive outcomes of co-production.',
};

const COLOURS: Readonly<Record<Taxonomy, string>> = {
  co_destruction_causes: '#C0392B',
  public_agency_causes: '#8E44AD',
  pilot_barriers: '#D35400',
  involvement_shortcomings: '#2471A3',
  positive_outcomes: '#229954',
};

/** A code of the codebook: a taxonomy (not codable) or one of its codes (codable). */
export interface QdaCode {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly codable: boolean;
  readonly colour: string;
  readonly children: readonly QdaCode[];
}

export const codeGuid = (taxonomy: string, code: string) => guidOf('code', taxonomy, code);

function describe(taxonomy: Taxonomy, code: string): string {
  const shortcoming = taxonomy === 'involvement_shortcomings' ? involvementShortcoming(code) : undefined;
  const base = `${taxonomy} / ${code}`;
  return shortcoming ? `${base}: stage ${shortcoming.stage}, who ${shortcoming.who}, ${shortcoming.item}` : base;
}

/**
 * The platform's coding schemes as a REFI-QDA codebook: one top-level code per taxonomy (not
 * codable itself) with its codes below, named `<code>` and described with the taxonomy, so the
 * same code name in two taxonomies (inability_to_change) stays two codes.
 */
export function platformCodes(): QdaCode[] {
  return TAXONOMIES.map((taxonomy) => ({
    guid: guidOf('taxonomy', taxonomy),
    name: taxonomy,
    description: TAXONOMY_DESCRIPTIONS[taxonomy],
    codable: false,
    colour: COLOURS[taxonomy],
    children: TAXONOMY_CODES[taxonomy].map((code) => ({
      guid: codeGuid(taxonomy, code),
      name: code,
      description: describe(taxonomy, code),
      codable: true,
      colour: COLOURS[taxonomy],
      children: [],
    })),
  }));
}

/** Writes `<Code>` elements (the codebook and project schemas declare the same attributes). */
export function appendCodes(parent: XMLBuilder, codes: readonly QdaCode[]): void {
  for (const code of codes) {
    const element = parent.ele('Code', {
      guid: code.guid,
      name: code.name,
      isCodable: code.codable ? 'true' : 'false',
      color: code.colour,
    });
    element.ele('Description').txt(code.description);
    appendCodes(element, code.children);
  }
}

/** The `.qdc` document: `<CodeBook xmlns="urn:QDA-XML:codebook:1.0">` (REFI-QDA Codebook.xsd). */
export function codebookXml(codes: readonly QdaCode[] = platformCodes()): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const root = document.ele(CODEBOOK_NAMESPACE, 'CodeBook', { origin: ORIGIN });
  appendCodes(root.ele('Codes'), codes);
  return document.end({ prettyPrint: true });
}
