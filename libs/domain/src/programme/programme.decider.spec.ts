import { describe, it } from '@jest/globals';
import { scenario } from '../shared/given-when-then.js';
import type { AddTerritory, AdoptTerritorySignalFramework } from './programme.commands.js';
import type { ProgrammeLaunched, TerritoryAdded, TerritorySignalFrameworkAdopted } from './programme.events.js';
import { programmeDecider } from './programme.decider.js';

const programmeId = 'prog-1';
const launched: ProgrammeLaunched = {
  type: 'ProgrammeLaunched',
  data: { programmeId, name: 'National programme for frail elderly people' },
};
const territory: AddTerritory['data'] = {
  programmeId,
  territoryId: 't-north',
  name: 'Northern territory',
  localGovernance: 'Steering board of the departmental council and two care facilities',
  serviceVariant: 'Mobile respite team visiting carers at home',
};
const added: TerritoryAdded = { type: 'TerritoryAdded', data: territory };
const adoption: AdoptTerritorySignalFramework['data'] = {
  programmeId,
  territoryId: 't-north',
  frameworkId: 'fw-national',
  version: 2,
};
const adopted: TerritorySignalFrameworkAdopted = { type: 'TerritorySignalFrameworkAdopted', data: adoption };
const programme = scenario(programmeDecider);

describe('Programme', () => {
  it('launches with a name', () => {
    programme
      .given()
      .when({ type: 'LaunchProgramme', data: { programmeId, name: ' National programme for frail elderly people ' } })
      .then(launched);
  });

  it('refuses to launch twice', () => {
    programme
      .given(launched)
      .when({ type: 'LaunchProgramme', data: { programmeId, name: 'Again' } })
      .thenFails('PROGRAMME_ALREADY_LAUNCHED', 'conflict');
  });

  it('refuses a launch without a name', () => {
    programme
      .given()
      .when({ type: 'LaunchProgramme', data: { programmeId, name: ' ' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('adds a territory with its own governance and service variant', () => {
    programme.given(launched).when({ type: 'AddTerritory', data: territory }).then(added);
  });

  it('refuses a territory id already used in the programme', () => {
    programme
      .given(launched, added)
      .when({ type: 'AddTerritory', data: { ...territory, name: 'Another name' } })
      .thenFails('TERRITORY_ALREADY_ADDED', 'conflict');
  });

  it.each([
    ['an empty name', { ...territory, name: '' }, 'REQUIRED'],
    ['no local governance', { ...territory, localGovernance: '  ' }, 'REQUIRED'],
    ['no service variant', { ...territory, serviceVariant: '' }, 'REQUIRED'],
    ['an overlong name', { ...territory, name: 'x'.repeat(201) }, 'TOO_LONG'],
    ['an empty territory id', { ...territory, territoryId: ' ' }, 'REQUIRED'],
  ])('refuses a territory with %s', (_title, data, reason) => {
    programme.given(launched).when({ type: 'AddTerritory', data }).thenFails(reason, 'invalid');
  });

  it('lets a territory adopt a signal framework version', () => {
    programme.given(launched, added).when({ type: 'AdoptTerritorySignalFramework', data: adoption }).then(adopted);
  });

  it('lets a territory move to another version, including an older one', () => {
    programme
      .given(launched, added, adopted)
      .when({ type: 'AdoptTerritorySignalFramework', data: { ...adoption, version: 1 } })
      .then({ type: 'TerritorySignalFrameworkAdopted', data: { ...adoption, version: 1 } });
  });

  it('refuses to adopt the version already in force', () => {
    programme
      .given(launched, added, adopted)
      .when({ type: 'AdoptTerritorySignalFramework', data: adoption })
      .thenFails('FRAMEWORK_VERSION_ALREADY_ADOPTED', 'conflict');
  });

  it('refuses a framework for a territory outside the programme', () => {
    programme
      .given(launched, added)
      .when({ type: 'AdoptTerritorySignalFramework', data: { ...adoption, territoryId: 't-south' } })
      .thenFails('TERRITORY_NOT_FOUND', 'not_found');
  });

  it.each([
    ['version 0', { ...adoption, version: 0 }, 'OUT_OF_RANGE'],
    ['a fractional version', { ...adoption, version: 1.5 }, 'OUT_OF_RANGE'],
    ['no framework id', { ...adoption, frameworkId: '' }, 'REQUIRED'],
  ])('refuses an adoption with %s', (_title, data, reason) => {
    programme.given(launched, added).when({ type: 'AdoptTerritorySignalFramework', data }).thenFails(reason, 'invalid');
  });

  it.each<[string, AddTerritory | AdoptTerritorySignalFramework]>([
    ['AddTerritory', { type: 'AddTerritory', data: territory }],
    ['AdoptTerritorySignalFramework', { type: 'AdoptTerritorySignalFramework', data: adoption }],
  ])('refuses %s on a programme that was never launched', (_title, command) => {
    programme.given().when(command).thenFails('PROGRAMME_NOT_FOUND', 'not_found');
  });
});
