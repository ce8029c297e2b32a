// The directory, as officers search it: by text, inclusion kind, profiles to complete; open, create,
// and invite the structures chosen to claim and complete their profiles (the campaign: Campaign.tsx).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../../../api/reference/vocabulary';
import { readingSentence } from '../components/directory-search';
import { SelectField, TextField } from '../components/fields';
import { Page, QueryState } from '../components/layout';
import { useCursorPages } from '../components/pager';
import { errorsOf } from '../errors';
import { graphql } from '../gql';
import type { InclusionKind, SupplierFilter } from '../gql/graphql';
import { INCLUSION_KIND_OPTIONS } from '../labels';

const Directory = graphql(`
  query Directory($filter: SupplierFilter, $first: Int, $after: String) {
    suppliers(filter: $filter, first: $first, after: $after) {
      totalCount
      reading {
        text
        servesCommune {
          name
        }
        servesCommuneFromText
        headOfficeCommune {
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          legalForm
          inclusionKind
          commune {
            name
          }
          labels
          completeness {
            percent
          }
        }
      }
    }
  }
`);

const InviteSuppliers = graphql(`
  mutation InviteSuppliers($supplierIds: [ID!]!) {
    inviteSuppliers(supplierIds: $supplierIds) {
      invited
      alreadyInvited
      withoutAddress {
        id
        name
      }
    }
  }
`);


export function Suppliers() {
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  // The campaign's filters: profiles to complete, whose contact never signed in, that have an address.
  const [toComplete, setToComplete] = useState(false);
  const [neverSignedIn, setNeverSignedIn] = useState(false);
  const [withAddress, setWithAddress] = useState(false);
  const [filter, setFilter] = useState<SupplierFilter>({});
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [invitation, invite] = useMutation(InviteSuppliers);
  const pages = useCursorPages('nombre-structures');
  const [{ data, fetching, error }] = useQuery({ query: Directory, variables: { filter, first: 20, after: pages.after } });
  const connection = data?.suppliers;
  const errors = errorsOf(error);

  function submit(e: FormEvent) {
    e.preventDefault();
    pages.restart();
    setFilter({ ...(text.trim() ? { text } : {}), ...(kind ? { inclusionKinds: [kind as InclusionKind] } : {}), ...(toComplete ? { completenessBelow: 100 } : {}),
      ...(neverSignedIn ? { neverSignedIn: true } : {}),
      ...(withAddress ? { hasContactEmail: true } : {}),
    });
  }

  const choose = (id: string, on: boolean) => setChosen((prev) => {
    const next = new Set(prev);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const batch = invitation.data?.inviteSuppliers;

  return (
    <Page
      title="Structures de l’annuaire"
      actions={
        <>
          <Link className="button" href="/structures/campagne">
            Campagne d’invitations
          </Link>
          <Link className="button" href="/structures/nouvelle">
            Créer une structure
          </Link>
        </>
      }
    >
      <form className="search-form" role="search" onSubmit={submit}>
        <TextField name="text" label="Rechercher" hint="Nom, activité ou prestation ; une commune nommée cherche les structures qui peuvent y intervenir." value={text} onChange={setText} errors={errors} />
        <SelectField name="inclusionKinds" label="Type de structure d’inclusion" value={kind} onChange={setKind} options={INCLUSION_KIND_OPTIONS} emptyLabel="Tous" errors={errors} />
        <div className="field">
          <label>
            <input type="checkbox" name="completenessBelow" checked={toComplete} onChange={(e) => setToComplete(e.target.checked)} /> Fiches à compléter
          </label>
          <label>
            <input type="checkbox" name="neverSignedIn" checked={neverSignedIn} onChange={(e) => setNeverSignedIn(e.target.checked)} /> Jamais connectées
          </label>
          <label>
            <input type="checkbox" name="hasContactEmail" checked={withAddress} onChange={(e) => setWithAddress(e.target.checked)} /> Avec une adresse de contact
          </label>
        </div>
        <button type="submit">Rechercher</button>
      </form>
      <div className="actions">
        <button type="button" disabled={chosen.size === 0 || invitation.fetching} onClick={() => invite({ supplierIds: [...chosen] }).then((res) => res.data && setChosen(new Set()))}>
          Inviter à compléter ({chosen.size})
        </button>
      </div>
      <QueryState fetching={false} error={invitation.error} />
      {batch && (
        <div className="notice" role="status">
          <p>
            {batch.invited} invitation{batch.invited > 1 ? 's' : ''} envoyée{batch.invited > 1 ? 's' : ''} ; {batch.alreadyInvited} structure{batch.alreadyInvited > 1 ? 's' : ''} déjà invitée{batch.alreadyInvited > 1 ? 's' : ''}.
          </p>
          {batch.withoutAddress.length > 0 && (
            <p>
              Sans adresse de contact, à appeler : {batch.withoutAddress.map((s) => s.name).join(', ')} (voir la <Link href="/structures/campagne">campagne</Link>).
            </p>
          )}
        </div>
      )}
      <QueryState fetching={fetching && !data} error={error} />
      {connection && (
        <>
          {readingSentence(connection.reading) && <p className="directory-reading">{readingSentence(connection.reading)}</p>}
          <p role="status" id="nombre-structures" tabIndex={-1}>
            {connection.totalCount} structure{connection.totalCount > 1 ? 's' : ''}.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Choisir</span>
                  </th>
                  <th scope="col">Nom</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Inclusion</th>
                  <th scope="col">Commune</th>
                  <th scope="col">Labels</th>
                  <th scope="col">Fiche complète à</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <input type="checkbox" aria-label={`Choisir ${node.name}`} checked={chosen.has(node.id)} onChange={(e) => choose(node.id, e.target.checked)} />
                    </td>
                    <td>
                      <Link href={`/structures/${node.id}`}>{node.name}</Link>
                    </td>
                    <td>{LEGAL_FORM_FR[node.legalForm]}</td>
                    <td>{node.inclusionKind ? INCLUSION_KIND_FR[node.inclusionKind] : '—'}</td>
                    <td>{node.commune.name}</td>
                    <td>{node.labels.join(', ') || '—'}</td>
                    <td>{node.completeness.percent} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages.pager(connection.pageInfo)}
        </>
      )}
    </Page>
  );
}
