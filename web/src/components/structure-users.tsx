// The people who act for a structure, for officers: take one's access back, and read who did what.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { messageOf } from '../errors';
import { formatDateTime } from '../format';
import { graphql } from '../gql';

const StructureUsersQuery = graphql(`
  query StructureUsers($id: ID!) {
    supplier(id: $id) {
      id
      users {
        id
        email
      }
      accountEvents {
        at
        action
        userEmail
        by
      }
      contactSharedWith {
        id
        name
        commune {
          name
        }
      }
    }
  }
`);

const Detach = graphql(`
  mutation DetachUser($userId: ID!) {
    detachUser(userId: $userId)
  }
`);

export function StructureUsers({ supplierId }: { supplierId: string }) {
  const [{ data }, refetch] = useQuery({ query: StructureUsersQuery, variables: { id: supplierId }, requestPolicy: 'cache-and-network' });
  const [detaching, detach] = useMutation(Detach);
  const [confirming, setConfirming] = useState<string | null>(null);
  const s = data?.supplier;
  if (!s?.users) return null;

  async function confirmDetach(userId: string) {
    const res = await detach({ userId });
    if (res.data?.detachUser) {
      setConfirming(null);
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <section aria-labelledby="structure-users">
      <h2 id="structure-users">Personnes qui agissent pour cette structure</h2>
      {s.contactSharedWith && s.contactSharedWith.length > 0 && (
        <p className="notice notice-error structure-users-shared">
          Son adresse de contact est aussi celle {s.contactSharedWith.length === 1 ? 'd’une autre structure' : 'd’autres structures'} :{' '}
          {s.contactSharedWith.map((o, i) => (
            <span key={o.id}>
              {i > 0 && ' ; '}
              <Link href={`/structures/${o.id}`}>{o.name}</Link> ({o.commune.name})
            </span>
          ))}
          . Personne ne peut se connecter par lien avec cette adresse tant que chaque structure n’a pas la sienne : modifiez la fiche de celles dont ce n’est pas l’adresse.
        </p>
      )}
      {s.users.length === 0 && <p>Personne : le contact de la structure devient son compte à sa première connexion par lien.</p>}
      <ul className="structure-users">
        {s.users.map((u) => (
          <li key={u.id}>
            <span>{u.email}</span>{' '}
            {confirming !== u.id ? (
              <button type="button" className="danger" onClick={() => setConfirming(u.id)}>
                Retirer l’accès
              </button>
            ) : (
              <div role="group" aria-label={`Confirmer le retrait de l’accès de ${u.email}`} className="notice notice-error">
                <p>Retirer l’accès de {u.email} ? Cette personne n’agira plus pour la structure : ses sessions et ses liens cessent aussitôt de fonctionner.</p>
                <div className="actions">
                  <button type="button" className="danger" onClick={() => confirmDetach(u.id)} disabled={detaching.fetching}>
                    Confirmer le retrait de l’accès
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                    Annuler
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {detaching.error && <p className="notice notice-error" role="alert">{messageOf(detaching.error)}</p>}
      {s.accountEvents && s.accountEvents.length > 0 && (
        <details>
          <summary>Journal des accès</summary>
          <ul>
            {s.accountEvents.map((e, i) => (
              <li key={i}>
                {formatDateTime(String(e.at))} : {e.userEmail} {e.action === 'ATTACHED' ? 'a commencé à agir pour la structure' : 'a perdu son accès'}
                {e.by ? ` (par ${e.by})` : e.action === 'ATTACHED' ? ' (première connexion par lien)' : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
