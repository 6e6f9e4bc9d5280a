import { evidenceAggregate, type Quote } from '#domain';
import type { Random } from '../random.js';
import type { Member, PilotWorld, PlannedCarer } from '../world.js';
import { OBSERVATIONS, type ObservationTemplate, type Theme } from './observation-library.js';

/** A coded observation, so barriers can say which observations they are based on. */
export interface PlannedObservation {
  readonly evidenceId: string;
  readonly observationId: string;
  readonly theme: Theme;
  readonly codedAt: Date;
}

export interface EvidenceRef {
  readonly key: string;
  readonly evidenceId: string;
}

/** Who a quote comes from: a carer, a provider's member, or nobody (a note, an unattributed remark). */
export type Speaker =
  | { readonly role: 'carer'; readonly carer: PlannedCarer }
  | { readonly role: 'provider'; readonly member: Member; readonly number: number }
  | null;

/**
 * Codes one observation in a piece of evidence with the institute's researcher as coder. Quotes
 * are attributed only by role, gender and pseudonymous number ("Carer, female, 8").
 */
export function codeObservation(
  world: PilotWorld,
  evidence: EvidenceRef,
  index: number,
  at: Date,
  template: ObservationTemplate,
  speaker: Speaker,
  r: Random,
): PlannedObservation {
  const observationId = `obs-${index}`;
  const quote: Quote | null =
    speaker === null || template.speaker !== speaker.role || template.quotes.length === 0
      ? null
      : speaker.role === 'carer'
        ? { role: 'carer', gender: speaker.carer.gender, number: speaker.carer.number, text: r.pick(template.quotes) }
        : { role: 'provider', gender: speaker.member.gender, number: speaker.number, text: r.pick(template.quotes) };
  world.plan.add(evidenceAggregate, at, world.cast.instituteResearchers[0]!.actor, `${evidence.key}:code:${index}`, {
    type: 'CodeObservation',
    data: {
      evidenceId: evidence.evidenceId,
      observationId,
      kind: template.kind,
      taxonomy: template.taxonomy,
      code: template.code,
      stage: template.stage,
      level: template.level,
      inabilityKind: template.inabilityKind,
      quote,
    },
  });
  return { evidenceId: evidence.evidenceId, observationId, theme: template.theme, codedAt: at };
}

/** A template of one of the themes that fits the speaker (one who can be quoted, or an unquoted code). */
export function pickTemplate(themes: readonly Theme[], speaker: Speaker, r: Random): ObservationTemplate {
  const fitting = OBSERVATIONS.filter(
    (t) => themes.includes(t.theme) && (t.speaker === 'none' || (speaker !== null && t.speaker === speaker.role)),
  );
  return r.pick(fitting.length > 0 ? fitting : OBSERVATIONS.filter((t) => themes.includes(t.theme)));
}

/** Providers are numbered across the partnership for quotes ("Provider, male, 3"). */
export function providerSpeaker(world: PilotWorld, member: Member): Speaker {
  const providers = world.cast.all.flatMap((org) => org.members).filter((m) => m.actor.role === 'provider');
  return { role: 'provider', member, number: providers.indexOf(member) + 1 };
}
