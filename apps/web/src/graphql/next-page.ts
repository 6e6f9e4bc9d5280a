import { graphql } from '../gql';
import type { NextPageFragment } from '../gql/graphql';

/**
 * What a paged list reads of a connection's PageInfo: whether more follow, and the cursor to ask
 * for them with (`after`). Every list query spreads it (`pageInfo { ...NextPage }`), so the lists,
 * their "Load more" and the `Connection` type of records/paged-list.tsx read the same fields.
 */
graphql(`
  fragment NextPage on PageInfo {
    hasNextPage
    endCursor
  }
`);

export type NextPage = NextPageFragment;
