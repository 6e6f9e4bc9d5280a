import { validated } from '../command-side/validated.js';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyStore } from '#auth';
import { CommandExecutor, requireOrganisation } from '#command-side';
import { CurrentActor } from '../command-side/actor.js';
import type { Actor } from '#event-store';
import { ApiKey, ApiKeysFilterInput, CreateApiKeyInput, CreatedApiKey } from './api-keys.models.js';

/** Admins issue and revoke partner organisations' API keys (the operation policy says who). */
@Resolver()
export class ApiKeysResolver {
  constructor(
    private readonly keys: ApiKeyStore,
    private readonly executor: CommandExecutor,
  ) {}

  @Query(() => [ApiKey], { description: 'API keys, newest first (never the keys themselves).' })
  apiKeys(
    @Args('filter', { type: () => ApiKeysFilterInput, nullable: true }, validated(ApiKeysFilterInput))
    filter?: ApiKeysFilterInput | null,
  ) {
    return this.keys.list(filter?.organisationId);
  }

  @Mutation(() => CreatedApiKey, { description: "Create an API key for a partner organisation's machine client." })
  async createApiKey(@Args('input') input: CreateApiKeyInput, @CurrentActor() actor: Actor): Promise<CreatedApiKey> {
    await requireOrganisation(this.executor, input.organisationId);
    const { record, key } = await this.keys.create({ ...input, createdBy: actor.id });
    return { apiKey: record, key };
  }

  @Mutation(() => ApiKey, {
    description: 'Revoke an API key: it and every token exchanged for it stop working at once.',
  })
  revokeApiKey(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.keys.revoke(id, actor.id);
  }
}
