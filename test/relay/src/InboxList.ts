import { graphql } from './graphql-tag.js';

// A paginated inbox list, as a Relay app writes it: @connection on `inbox`, refetchable with a new filter.
export const InboxList = graphql`
  fragment InboxList_query on Query
  @argumentDefinitions(
    count: { type: "Int", defaultValue: 20 }
    cursor: { type: "String" }
    filter: { type: "InterchangeFilter" }
  )
  @refetchable(queryName: "InboxListPaginationQuery") {
    inbox(first: $count, after: $cursor, filter: $filter) @connection(key: "InboxList_inbox", filters: ["filter"]) {
      totalCount
      edges {
        node {
          id
          ...InterchangeRow_interchange
        }
      }
    }
  }
`;
