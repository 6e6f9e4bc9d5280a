import { evidenceList, observationsOfEvidence, projectById } from '#read-models/directory';
import { toEvidence, toObservation } from '../../evidence/evidence.mappers.js';
import type { Evidence } from '../../evidence/evidence.models.js';
import { toProject } from '../../project/project.mappers.js';
import type { ExportSources } from '../export-sources.js';
import type { QdaProject, QdaSource } from './project.js';

function describe(evidence: Evidence): string {
  const parts = [
    `${evidence.kind} ${evidence.id}`,
    `phase ${evidence.phase}`,
    `recorded ${evidence.recordedAt.toISOString()}`,
  ];
  // Interviewees are referred to by a pseudonymous reference only (the domain refuses anything else).
  if (evidence.interview)
    parts.push(
      `interviewee ${evidence.interview.intervieweeRole} ${evidence.interview.intervieweeRef}, ${evidence.interview.mode}`,
    );
  if (evidence.workshop) {
    const { carers, providers, researchers } = evidence.workshop.participants;
    parts.push(`participants: ${carers} carers, ${providers} providers, ${researchers} researchers`);
  }
  return parts.join('; ');
}

/**
 * A project's evidence and coded observations as REFI-QDA sources, read as `project { evidence {
 * note observations { quote } } }` answers (the `evidence` reading rule decides who may export it).
 */
export async function qdaProject(sources: ExportSources, projectId: string, exportedAt: Date): Promise<QdaProject> {
  const project = await sources.loaders().one(projectById, toProject, projectId);
  const found: QdaSource[] = [];
  for await (const { nodes, loaders } of sources.pages(evidenceList, toEvidence, projectId, null)) {
    const observations = await Promise.all(
      nodes.map((evidence) => loaders.many(observationsOfEvidence, toObservation, evidence.id)),
    );
    for (const [index, evidence] of nodes.entries()) {
      found.push({
        id: evidence.id,
        name: `${evidence.kind} ${evidence.recordedAt.toISOString().slice(0, 10)} ${evidence.id}`,
        description: describe(evidence),
        recordedAt: evidence.recordedAt,
        text: evidence.note?.text ?? null,
        codings: observations[index]!.map((observation) => ({
          observationId: observation.observationId,
          taxonomy: observation.taxonomy,
          code: observation.code,
          codedAt: observation.codedAt,
          quote: observation.quote
            ? { text: observation.quote.text, attribution: observation.quote.attribution }
            : null,
          description: `${observation.kind}: ${observation.taxonomy} / ${observation.code}, stage ${observation.stage}, level ${observation.level}${observation.inabilityKind ? `, ${observation.inabilityKind}` : ''}`,
        })),
      });
    }
  }
  return { projectId, name: project?.name ?? projectId, exportedAt, sources: found };
}
