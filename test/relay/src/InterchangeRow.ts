import { graphql } from './graphql-tag.js';

// One interchange, refetchable on its own through node(id:) (Relay object identification).
export const InterchangeRow = graphql`
  fragment InterchangeRow_interchange on Interchange @refetchable(queryName: "InterchangeRowRefetchQuery") {
    interchangeId
    sender
    receiver
    standard
    documentType
    status
    created
  }
`;
