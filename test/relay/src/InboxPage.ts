import { graphql } from './graphql-tag.js';

export const InboxPage = graphql`
  query InboxPageQuery($filter: InterchangeFilter) {
    mailboxStats {
      received
    }
    ...InboxList_query @arguments(filter: $filter)
  }
`;
