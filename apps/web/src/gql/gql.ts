/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DashboardProjectHeader($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      phase\n      territoryId\n    }\n  }\n": typeof types.DashboardProjectHeaderDocument,
    "\n  query DashboardProjects {\n    projects(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          phase\n          territoryId\n          startsOn\n          pilotMonths\n          pilotExtensions\n        }\n      }\n    }\n  }\n": typeof types.DashboardProjectsDocument,
    "\n  query DashboardSparklines($projectId: ID!, $from: DateTime!, $to: DateTime!, $asOf: DateTime, $knownAt: DateTime) {\n    signalSeries(\n      scope: { projectId: $projectId }\n      from: $from\n      to: $to\n      granularity: MONTH\n      asOf: $asOf\n      knownAt: $knownAt\n    ) {\n      periods {\n        trust {\n          value\n        }\n        engagement {\n          value\n        }\n        partnershipCohesion {\n          value\n        }\n        coCreationBalance {\n          value\n        }\n      }\n    }\n  }\n": typeof types.DashboardSparklinesDocument,
};
const documents: Documents = {
    "\n  query DashboardProjectHeader($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      phase\n      territoryId\n    }\n  }\n": types.DashboardProjectHeaderDocument,
    "\n  query DashboardProjects {\n    projects(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          phase\n          territoryId\n          startsOn\n          pilotMonths\n          pilotExtensions\n        }\n      }\n    }\n  }\n": types.DashboardProjectsDocument,
    "\n  query DashboardSparklines($projectId: ID!, $from: DateTime!, $to: DateTime!, $asOf: DateTime, $knownAt: DateTime) {\n    signalSeries(\n      scope: { projectId: $projectId }\n      from: $from\n      to: $to\n      granularity: MONTH\n      asOf: $asOf\n      knownAt: $knownAt\n    ) {\n      periods {\n        trust {\n          value\n        }\n        engagement {\n          value\n        }\n        partnershipCohesion {\n          value\n        }\n        coCreationBalance {\n          value\n        }\n      }\n    }\n  }\n": types.DashboardSparklinesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardProjectHeader($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      phase\n      territoryId\n    }\n  }\n"): (typeof documents)["\n  query DashboardProjectHeader($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      phase\n      territoryId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardProjects {\n    projects(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          phase\n          territoryId\n          startsOn\n          pilotMonths\n          pilotExtensions\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardProjects {\n    projects(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          phase\n          territoryId\n          startsOn\n          pilotMonths\n          pilotExtensions\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSparklines($projectId: ID!, $from: DateTime!, $to: DateTime!, $asOf: DateTime, $knownAt: DateTime) {\n    signalSeries(\n      scope: { projectId: $projectId }\n      from: $from\n      to: $to\n      granularity: MONTH\n      asOf: $asOf\n      knownAt: $knownAt\n    ) {\n      periods {\n        trust {\n          value\n        }\n        engagement {\n          value\n        }\n        partnershipCohesion {\n          value\n        }\n        coCreationBalance {\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardSparklines($projectId: ID!, $from: DateTime!, $to: DateTime!, $asOf: DateTime, $knownAt: DateTime) {\n    signalSeries(\n      scope: { projectId: $projectId }\n      from: $from\n      to: $to\n      granularity: MONTH\n      asOf: $asOf\n      knownAt: $knownAt\n    ) {\n      periods {\n        trust {\n          value\n        }\n        engagement {\n          value\n        }\n        partnershipCohesion {\n          value\n        }\n        coCreationBalance {\n          value\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;