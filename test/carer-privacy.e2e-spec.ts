import { DEV_ACTOR } from './support/project.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { PgliteDatabase, pgliteDirectory } from '#database';
import { carerDecider, fold, type CarerEvent, type EncryptedPersonalData } from '#domain';
import { SqlEventStore } from '#event-store';
import { CarerKeyVault } from '#privacy';
import { startApi, type RunningApi } from './support/api-process.js';
import { launchProject } from './support/project.js';

const ACTOR = DEV_ACTOR;
const NAME = 'Mariagrazia Zanetti-Quintavalle';
const PHONE = '+39 0342 555 0199';
const EMAIL = 'mariagrazia.zq@example.org';

const dataDir = mkdtempSync(join(tmpdir(), 'carer-privacy-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function mutate<T>(api: RunningApi, name: string, inputType: string, input: Record<string, unknown>) {
  const response = await api.graphql<Record<string, T>>(
    `mutation M($input: ${inputType}!) { ${name}(input: $input) { id revision position } }`,
    { input },
    ACTOR,
  );
  return { data: response.data?.[name], errors: response.errors };
}

/** Opens the embedded database the API wrote, while the API is stopped (PGlite: one process at a time). */
async function withDatabase<T>(work: (db: PgliteDatabase, store: SqlEventStore, vault: CarerKeyVault) => Promise<T>) {
  const db = await PgliteDatabase.open(pgliteDirectory(dataDir));
  try {
    return await work(db, await SqlEventStore.open(db, { ownsDatabase: false }), await CarerKeyVault.open(db));
  } finally {
    await db.close();
  }
}

describe('carers: personal data never in plain text, erasure by destroying the key', () => {
  let carerId = '';

  it('registers, invites and records consent through GraphQL', async () => {
    const api = await startApi({ DATA_DIR: dataDir });
    try {
      const projectId = randomUUID();
      await launchProject(api, projectId);
      const registration = {
        projectId,
        pseudonym: 'Carer 8',
        registeredByOrganisationId: 'org-home-care',
        gender: 'female',
        ageBand: 'aged_55_64',
        weeklyCareHours: 40,
        stressLevel: 'high',
        area: 'upper valley',
        relationship: 'child',
        personalData: { fullName: NAME, phone: PHONE, email: EMAIL },
      };

      const badEmail = await mutate(api, 'registerCarer', 'RegisterCarerInput', {
        ...registration,
        personalData: { fullName: NAME, email: 'not-an-email' },
      });
      expect(badEmail.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const unknownProject = await mutate(api, 'registerCarer', 'RegisterCarerInput', {
        ...registration,
        projectId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknownProject.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROJECT_NOT_FOUND' });

      const registered = await mutate<{ id: string; revision: number }>(
        api,
        'registerCarer',
        'RegisterCarerInput',
        registration,
      );
      expect(registered.errors).toBeUndefined();
      carerId = registered.data!.id;
      const invited = await mutate<{ id: string }>(api, 'inviteCarer', 'InviteCarerInput', {
        carerId,
        channel: 'word_of_mouth',
        invitedByOrganisationId: 'org-home-care',
      });
      expect(invited.errors).toBeUndefined();
      const accepted = await mutate<{ revision: number }>(api, 'acceptCarerInvitation', 'AnswerCarerInvitationInput', {
        carerId,
        invitationId: invited.data!.id,
      });
      expect(accepted.data?.revision).toBe(2);
      const consent = await mutate<{ revision: number }>(api, 'giveCarerConsent', 'CarerConsentInput', {
        carerId,
        kind: 'audio_recording',
      });
      expect(consent.data?.revision).toBe(3);
    } finally {
      await api.stop();
    }
  });

  it('stores no identifying data in plain text, yet the holder of the key can read it', async () => {
    await withDatabase(async (db, store, vault) => {
      const raw = await db.query<{ row: string }>('select row_to_json(e)::text as row from es_events e');
      expect(raw.length).toBeGreaterThan(0);
      const everything = raw.map((r) => r.row).join('\n');
      for (const secret of [NAME, 'Zanetti', PHONE, '555 0199', EMAIL, 'example.org'])
        expect(everything).not.toContain(secret);

      const [registered] = await store.readStream(`carer-${carerId}`, { limit: 1 });
      const envelope = registered!.data.personalData as unknown as EncryptedPersonalData;
      expect(await vault.decrypt(carerId, envelope)).toEqual({
        fullName: NAME,
        phone: PHONE,
        email: EMAIL,
        address: null,
      });
    });
  });

  it('erases a carer: the data becomes unreadable and the history still replays', async () => {
    const api = await startApi({ DATA_DIR: dataDir });
    try {
      const erased = await mutate<{ revision: number }>(api, 'eraseCarer', 'EraseCarerInput', {
        carerId,
        reason: 'erasure request',
      });
      expect(erased.errors).toBeUndefined();
      const again = await mutate(api, 'eraseCarer', 'EraseCarerInput', { carerId, reason: 'erasure request' });
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CARER_ALREADY_ERASED' });
    } finally {
      await api.stop();
    }
    await withDatabase(async (_db, store, vault) => {
      const history = await store.readStream(`carer-${carerId}`);
      const envelope = history[0]!.data.personalData as unknown as EncryptedPersonalData;
      expect(await vault.decrypt(carerId, envelope)).toBe('erased');
      const state = fold(
        carerDecider,
        history.map((e) => ({ type: e.type, data: e.data }) as unknown as CarerEvent),
      );
      expect(state).toMatchObject({ status: 'registered', erased: true, accepted: true });
      expect(history.map((e) => e.type)).toEqual([
        'CarerRegistered',
        'CarerInvited',
        'CarerInvitationAccepted',
        'CarerConsentGiven',
        'CarerPersonalDataErased',
      ]);
      expect((await vault.erasure(carerId))?.erasedBy).toBe('admin-1');
    });
  });
});
