// The groupements the matcher proposes for a need (2 to 4 structures that together carry it), each
// put into a draft list in one action: the list is drafted with its members, then presented as a groupement.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { messageOf } from '../errors';
import { graphql } from '../gql';

const NeedGroupements = graphql(`
  query NeedGroupements($needId: ID!) {
    proposeGroupements(needId: $needId, limit: 3) {
      score
      reasons
      members {
        supplier {
          id
          name
        }
      }
    }
  }
`);

const DraftGroupement = graphql(`
  mutation DraftGroupement($needId: ID!, $supplierIds: [ID!]!) {
    draftShortlist(needId: $needId, supplierIds: $supplierIds) {
      id
    }
  }
`);

const PresentAsGroupement = graphql(`
  mutation PresentAsGroupement($id: ID!, $supplierIds: [ID!]!) {
    updateShortlist(id: $id, supplierIds: $supplierIds, groupement: true) {
      id
      groupement
    }
  }
`);

/** Nothing when no groupement is needed (one structure carries the need) or none exists. */
export function Groupements({ needId, canDraft }: { needId: string; canDraft: boolean }) {
  const [, navigate] = useLocation();
  const [{ data }] = useQuery({ query: NeedGroupements, variables: { needId } });
  const [drafting, draft] = useMutation(DraftGroupement);
  const [presenting, present] = useMutation(PresentAsGroupement);
  const [failure, setFailure] = useState<string | null>(null);
  const groups = data?.proposeGroupements ?? [];
  if (groups.length === 0) return null;

  async function prepare(supplierIds: string[]) {
    setFailure(null);
    const drafted = await draft({ needId, supplierIds });
    if (!drafted.data) return setFailure(messageOf(drafted.error));
    const id = drafted.data.draftShortlist.id;
    const presented = await present({ id, supplierIds });
    if (!presented.data) return setFailure(messageOf(presented.error));
    navigate(`/listes/${id}`);
  }

  const busy = drafting.fetching || presenting.fetching;
  return (
    <section aria-labelledby="groupements">
      <h2 id="groupements">Groupements proposés ({groups.length})</h2>
      <p>Aucune structure ne porte seule ce besoin : ces structures, ensemble, le peuvent (co-traitance). Chacune dit la part qu’elle prendrait.</p>
      <ol className="cards">
        {groups.map((g) => {
          const ids = g.members.map((m) => m.supplier.id);
          const names = g.members.map((m) => m.supplier.name).join(', ');
          return (
            <li key={ids.join()} className="card">
              <h3>{names}</h3>
              <ul>
                {g.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {canDraft && (
                <button type="button" disabled={busy} onClick={() => void prepare(ids)}>
                  Préparer une liste avec ce groupement<span className="visually-hidden"> ({names})</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
