import { requireInteger, requireOneOf, requireText } from '../../shared/guards.js';
import type { RegisterCarer } from '../carer.commands.js';
import {
  CARER_AGE_BANDS,
  CARER_GENDERS,
  CARER_RELATIONSHIPS,
  CARER_STRESS_LEVELS,
  type CarerEvent,
} from '../carer.events.js';
import { requireId } from '../carer.guards.js';
import { carerError } from '../carer.reasons.js';
import type { CarerState } from '../carer.state.js';
import { requireEncryptedPersonalData } from '../encrypted-personal-data.js';

export function registerCarer(command: RegisterCarer, state: CarerState): CarerEvent[] {
  const data = command.data;
  if (state.status !== 'unregistered') {
    throw carerError('CARER_ALREADY_REGISTERED', `Carer ${data.carerId} is already registered`);
  }
  return [
    {
      type: 'CarerRegistered',
      data: {
        carerId: requireId('carerId', data.carerId),
        projectId: requireId('projectId', data.projectId),
        pseudonym: requireText('pseudonym', data.pseudonym, 50),
        registeredByOrganisationId: requireId('registeredByOrganisationId', data.registeredByOrganisationId),
        gender: requireOneOf('gender', data.gender, CARER_GENDERS),
        ageBand: requireOneOf('ageBand', data.ageBand, CARER_AGE_BANDS),
        weeklyCareHours:
          data.weeklyCareHours === null ? null : requireInteger('weeklyCareHours', data.weeklyCareHours, 0, 168),
        stressLevel: requireOneOf('stressLevel', data.stressLevel, CARER_STRESS_LEVELS),
        area: data.area === null ? null : requireText('area', data.area, 100),
        relationship: requireOneOf('relationship', data.relationship, CARER_RELATIONSHIPS),
        personalData: data.personalData === null ? null : requireEncryptedPersonalData(data.personalData),
      },
    },
  ];
}
