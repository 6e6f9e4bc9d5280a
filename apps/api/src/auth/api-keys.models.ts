import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { API_KEY_ROLES, PRINCIPAL_ID, type ApiKeyRole } from '#auth';

export enum ApiKeyRoleEnum {
  provider = 'provider',
  researcher = 'researcher',
  analyst = 'analyst',
}
registerEnumType(ApiKeyRoleEnum, { name: 'ApiKeyRole', description: 'The role a machine client acts in.' });

@ObjectType({ description: 'An API key of a partner organisation; the key itself is shown only once, when created.' })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => ApiKeyRoleEnum)
  role!: ApiKeyRole;

  @Field()
  label!: string;

  @Field()
  createdBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revokedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was last exchanged for a token.' })
  lastUsedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({ description: 'The secret key: store it now, it cannot be shown again. Exchange it at POST /auth/token.' })
  key!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  @IsString()
  @Matches(PRINCIPAL_ID, { message: 'organisationId must be an id of letters, digits and _ - . : (1 to 100)' })
  organisationId!: string;

  @Field(() => ApiKeyRoleEnum)
  @IsIn(API_KEY_ROLES)
  role!: ApiKeyRole;

  @Field({ description: 'What the key is for, e.g. "nightly export".' })
  @IsString()
  @Length(1, 200)
  label!: string;
}

@InputType()
export class ApiKeysFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PRINCIPAL_ID, { message: 'organisationId must be an id of letters, digits and _ - . : (1 to 100)' })
  organisationId?: string | null;
}
