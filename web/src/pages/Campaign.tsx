// The campaign to claim and complete imported profiles: who was invited, who signed in, who
// completed; and the structures without a contact address, to call, with the address found by phone.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Page, QueryState } from '../components/layout';
import { formatDate } from '../format';
import { graphql } from '../gql';
import { ofName } from '../../../api/reference/vocabulary';

const InvitationCampaign = graphql(`
  query InvitationCampaign {
    invitationCampaign {
      invited {
        id
        name
        completeness {
          percent
        }
        invitation {
          invitedAt
          sentAt
          remindedAt
          signedInAt
          completedAt
          optedOut
          notSent
        }
      }
      withoutAddress {
        id
        name
        commune {
          name
        }
        completeness {
          percent
        }
      }
    }
  }
`);

const RecordContactAddress = graphql(`
  mutation RecordContactAddress($id: ID!, $input: SupplierUpdateInput!) {
    updateSupplier(id: $id, input: $input) {
      id
      contactEmail
    }
  }
`);

const dateOr = (iso: string | null | undefined, none = '—') => (iso ? formatDate(iso) : none);

function AddressForm({ id, name, onSaved }: { id: string; name: string; onSaved: () => void }) {
  const [email, setEmail] = useState('');
  const [result, save] = useMutation(RecordContactAddress);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await save({ id, input: { contactEmail: email } });
    if (res.data) onSaved();
  }
  return (
    <form onSubmit={submit} className="inline-form" aria-label={`Adresse ${ofName(name)}`}>
      <label htmlFor={`adresse-${id}`}>Adresse trouvée par téléphone</label>
      <input id={`adresse-${id}`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" disabled={result.fetching || !email.trim()}>
        Enregistrer
      </button>
      <QueryState fetching={false} error={result.error} />
    </form>
  );
}

export function Campaign() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: InvitationCampaign, requestPolicy: 'cache-and-network' });
  const campaign = data?.invitationCampaign;
  const invited = campaign?.invited ?? [];
  const count = (pick: (s: (typeof invited)[number]) => unknown) => invited.filter(pick).length;
  return (
    <Page
      title="Campagne : fiches à revendiquer et compléter"
      actions={
        <Link className="button" href="/structures">
          Choisir des structures à inviter
        </Link>
      }
    >
      <QueryState fetching={fetching && !data} error={error} />
      {campaign && (
        <>
          <p role="status">
            {invited.length} invitée{invited.length > 1 ? 's' : ''} ; {count((s) => s.invitation?.signedInAt)} connectée{count((s) => s.invitation?.signedInAt) > 1 ? 's' : ''} ; {count((s) => s.invitation?.completedAt)} fiche{count((s) => s.invitation?.completedAt) > 1 ? 's' : ''} complétée{count((s) => s.invitation?.completedAt) > 1 ? 's' : ''} ; {campaign.withoutAddress.length} sans adresse.
          </p>
          <h2>Structures invitées</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Invitée le</th>
                  <th scope="col">Envoyée</th>
                  <th scope="col">Rappel</th>
                  <th scope="col">Connectée le</th>
                  <th scope="col">Complétée le</th>
                  <th scope="col">Fiche complète à</th>
                </tr>
              </thead>
              <tbody>
                {invited.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/structures/${s.id}`}>{s.name}</Link>
                    </td>
                    <td>{dateOr(s.invitation?.invitedAt)}</td>
                    <td>{dateOr(s.invitation?.sentAt, 'en attente')}</td>
                    <td>{s.invitation?.optedOut ? 'refusé par la structure' : s.invitation?.remindedAt ? formatDate(s.invitation.remindedAt) : (s.invitation?.notSent ?? '—')}</td>
                    <td>{dateOr(s.invitation?.signedInAt)}</td>
                    <td>{dateOr(s.invitation?.completedAt)}</td>
                    <td>{s.completeness.percent} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Sans adresse de contact : à appeler</h2>
          {campaign.withoutAddress.length === 0 ? (
            <p>Toutes les structures ont une adresse de contact.</p>
          ) : (
            <ul className="call-list">
              {campaign.withoutAddress.map((s) => (
                <li key={s.id}>
                  <Link href={`/structures/${s.id}`}>{s.name}</Link> ({s.commune.name}, fiche complète à {s.completeness.percent} %)
                  <AddressForm id={s.id} name={s.name} onSaved={() => refetch({ requestPolicy: 'network-only' })} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
