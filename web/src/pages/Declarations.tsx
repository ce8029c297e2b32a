// « Modifications à valider »: what structures declared about themselves (inclusion kind, labels),
// the oldest first, each confirmed or refused with a reason the structure receives.
import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { DeclarationDecision } from '../components/declaration';
import { Page, QueryState } from '../components/layout';
import { PendingDeclarations } from '../components/pending-count';

export function Declarations() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PendingDeclarations });
  const pending = data?.suppliersWithPendingChanges ?? [];
  const [said, setSaid] = useState<string[]>([]);
  return (
    <Page title="Modifications à valider">
      <div role="status">
        {said.map((s) => (
          <p key={s} className="notice">
            {s}
          </p>
        ))}
      </div>
      <QueryState fetching={fetching && !data} error={error} />
      {data && pending.length === 0 && <p>Aucune déclaration n’attend de décision.</p>}
      <ol className="cards">
        {pending.map((s) => (
          <li key={s.id} className="card">
            <h2>
              <Link href={`/structures/${s.id}`}>{s.name}</Link>
            </h2>
            <DeclarationDecision supplier={s} onDecided={(s) => {
                setSaid((all) => [...all, s]);
                refetch({ requestPolicy: 'network-only' });
              }} />
          </li>
        ))}
      </ol>
    </Page>
  );
}
