// The directory, as officers search it: by text, commune and inclusion kind; open, create.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../../../api/reference/vocabulary';
import { SelectField, TextField, errorsOf } from '../components/fields';
import { Page, QueryState } from '../components/layout';
import { Pager } from '../components/pager';
import { graphql } from '../gql';
import type { InclusionKind } from '../gql/graphql';

const Directory = graphql(`
  query Directory($filter: SupplierFilter, $first: Int, $after: String) {
    suppliers(filter: $filter, first: $first, after: $after) {
      totalCount
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
        }
      }
    }
  }
`);

const KIND_OPTIONS = Object.entries(INCLUSION_KIND_FR).map(([value, label]) => ({ value, label }));

export function Suppliers() {
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [filter, setFilter] = useState<{ text?: string; inclusionKinds?: InclusionKind[] }>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, fetching, error }] = useQuery({ query: Directory, variables: { filter, first: 20, after: cursors[cursors.length - 1] } });
  const connection = data?.suppliers;
  const errors = errorsOf(error);

  function submit(e: FormEvent) {
    e.preventDefault();
    setCursors([null]);
    setFilter({ ...(text.trim() ? { text } : {}), ...(kind ? { inclusionKinds: [kind as InclusionKind] } : {}) });
  }

  return (
    <Page
      title="Structures de l’annuaire"
      actions={
        <Link className="button" href="/structures/nouvelle">
          Créer une structure
        </Link>
      }
    >
      <form className="search-form" role="search" onSubmit={submit}>
        <TextField name="text" label="Rechercher" hint="Nom, activité ou prestation." value={text} onChange={setText} errors={errors} />
        <SelectField name="inclusionKinds" label="Type de structure d’inclusion" value={kind} onChange={setKind} options={KIND_OPTIONS} emptyLabel="Tous" errors={errors} />
        <button type="submit">Rechercher</button>
      </form>
      <QueryState fetching={fetching && !data} error={error} />
      {connection && (
        <>
          <p role="status">
            {connection.totalCount} structure{connection.totalCount > 1 ? 's' : ''}.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Inclusion</th>
                  <th scope="col">Commune</th>
                  <th scope="col">Labels</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link href={`/structures/${node.id}`}>{node.name}</Link>
                    </td>
                    <td>{LEGAL_FORM_FR[node.legalForm]}</td>
                    <td>{node.inclusionKind ? INCLUSION_KIND_FR[node.inclusionKind] : '—'}</td>
                    <td>{node.commune.name}</td>
                    <td>{node.labels.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={cursors.length} hasNext={connection.pageInfo.hasNextPage} onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])} onPrevious={() => setCursors(cursors.slice(0, -1))} />
        </>
      )}
    </Page>
  );
}
