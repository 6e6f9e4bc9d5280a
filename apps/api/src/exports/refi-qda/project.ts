import { create } from 'xmlbuilder2';
import { appendCodes, codeGuid, ORIGIN, platformCodes, PROJECT_NAMESPACE } from './codebook.js';
import { guidOf } from './guids.js';

/** A coded segment of a source: a quote (a selection of the text) or the whole source when there is none. */
export interface QdaCoding {
  readonly observationId: string;
  readonly taxonomy: string;
  readonly code: string;
  readonly codedAt: Date;
  /** The quote's text and who it is attributed to (pseudonymously), when the observation rests on one. */
  readonly quote: { readonly text: string; readonly attribution: string } | null;
  /** What else a coder should know: kind, stage, level. */
  readonly description: string;
}

/** A piece of evidence as a plain-text source: its note (reflexive notes) and the quotes coded in it. */
export interface QdaSource {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly recordedAt: Date;
  /** Text of the evidence itself the caller may read (a reflexive note), else null. */
  readonly text: string | null;
  readonly codings: readonly QdaCoding[];
}

export interface QdaProject {
  readonly projectId: string;
  readonly name: string;
  readonly exportedAt: Date;
  readonly sources: readonly QdaSource[];
}

/** REFI-QDA positions count characters (Unicode code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

/** The export, as the only user: the platform records no coder a caller may see (docs/data-tools.md). */
export const EXPORT_USER = { guid: guidOf('user', 'platform-export'), name: 'Co-production platform export' };

/**
 * The plain text of a source and where each quote sits in it: the note first, then each quote on
 * a paragraph of its own ("Attribution: text"), the selection covering the quote's text only.
 */
export function sourceText(source: QdaSource): {
  text: string;
  selections: Map<string, { start: number; end: number }>;
} {
  let text = source.text ?? '';
  const selections = new Map<string, { start: number; end: number }>();
  for (const coding of source.codings) {
    if (!coding.quote) continue;
    if (text.length > 0) text += '\n\n';
    text += `${coding.quote.attribution}: `;
    const start = length(text);
    text += coding.quote.text;
    selections.set(coding.observationId, { start, end: length(text) });
  }
  return { text, selections };
}

/** The `project.qde` document (REFI-QDA Project.xsd): users, the codebook, sources and their coded segments. */
export function projectXml(project: QdaProject): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const root = document.ele(PROJECT_NAMESPACE, 'Project', {
    name: project.name,
    origin: ORIGIN,
    creatingUserGUID: EXPORT_USER.guid,
    creationDateTime: project.exportedAt.toISOString(),
  });
  root.ele('Users').ele('User', { guid: EXPORT_USER.guid, name: EXPORT_USER.name });
  appendCodes(root.ele('CodeBook').ele('Codes'), platformCodes());
  if (project.sources.length > 0) {
    const sources = root.ele('Sources');
    for (const source of project.sources) {
      const { text, selections } = sourceText(source);
      const element = sources.ele('TextSource', {
        guid: guidOf('source', project.projectId, source.id),
        name: source.name,
        creatingUser: EXPORT_USER.guid,
        creationDateTime: source.recordedAt.toISOString(),
      });
      element.ele('Description').txt(source.description);
      element.ele('PlainTextContent').txt(text);
      for (const coding of source.codings) {
        const selection = selections.get(coding.observationId);
        if (!selection) continue;
        const segment = element.ele('PlainTextSelection', {
          guid: guidOf('selection', project.projectId, source.id, coding.observationId),
          name: coding.observationId,
          startPosition: String(selection.start),
          endPosition: String(selection.end),
          creatingUser: EXPORT_USER.guid,
          creationDateTime: coding.codedAt.toISOString(),
        });
        segment.ele('Description').txt(coding.description);
        codingElement(segment, project, source, coding);
      }
      // An observation without a quote codes the source as a whole.
      for (const coding of source.codings)
        if (!selections.has(coding.observationId)) codingElement(element, project, source, coding);
    }
  }
  root
    .ele('Description')
    .txt(`Coded observations of project ${project.projectId}, exported ${project.exportedAt.toISOString()}.`);
  return document.end({ prettyPrint: true });
}

function codingElement(
  parent: ReturnType<ReturnType<typeof create>['ele']>,
  project: QdaProject,
  source: QdaSource,
  coding: QdaCoding,
): void {
  parent
    .ele('Coding', {
      guid: guidOf('coding', project.projectId, source.id, coding.observationId),
      creatingUser: EXPORT_USER.guid,
      creationDateTime: coding.codedAt.toISOString(),
    })
    .ele('CodeRef', { targetGUID: codeGuid(coding.taxonomy, coding.code) });
}
