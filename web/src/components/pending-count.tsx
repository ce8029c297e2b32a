// The structures' declarations waiting for an officer: the queue's page reads them, the header counts them.
import { useQuery } from 'urql';
import { graphql } from '../gql';

export const PendingDeclarations = graphql(`
  query PendingDeclarations {
    suppliersWithPendingChanges {
      id
      name
      inclusionKind
      labels
      pendingChanges {
        inclusionKind
        labels
        requestedAt
      }
    }
  }
`);

/** « (3) » after the queue's name in the navigation; nothing when none waits. */
export function PendingCount() {
  const [{ data }] = useQuery({ query: PendingDeclarations });
  const count = data?.suppliersWithPendingChanges.length ?? 0;
  return count > 0 ? <span className="count"> ({count})</span> : null;
}
