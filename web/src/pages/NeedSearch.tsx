// Every need, whatever its status (unconfirmed, withdrawn and closed included), by its words and status.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { NEED_STATUS_FR } from '../../../api/reference/vocabulary';
import { CheckboxGroup, TextField } from '../components/fields';
import { Page, QueryState } from '../components/layout';
import { useCursorPages } from '../components/pager';
import { errorsOf } from '../errors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { NeedStatus } from '../gql/graphql';

const PAGE_SIZE = 20;
const STATUS_OPTIONS = (Object.keys(NEED_STATUS_FR) as NeedStatus[]).map((value) => ({ value, label: NEED_STATUS_FR[value] }));

const SearchNeeds = graphql(`
  query SearchNeeds($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          companyName
          status
          createdAt
        }
      }
    }
  }
`);

export function NeedSearch() {
  const [text, setText] = useState('');
  const [statuses, setStatuses] = useState<string[]>([]);
  const [filter, setFilter] = useState<{ text: string | null; statuses: NeedStatus[] }>({ text: null, statuses: [] });
  const pages = useCursorPages('nombre-resultats');
  const [{ data, fetching, error }] = useQuery({ query: SearchNeeds, variables: { filter, first: PAGE_SIZE, after: pages.after } });
  const connection = data?.needs;
  const errors = errorsOf(error);

  function submit(e: FormEvent) {
    e.preventDefault();
    setFilter({ text: text.trim() || null, statuses: statuses as NeedStatus[] });
    pages.restart();
  }

  return (
    <Page title="Tous les besoins">
      <form className="form" onSubmit={submit} noValidate role="search">
        <TextField name="text" label="Mots" hint="Du titre, de la description, du nom de l’entreprise ou de son adresse." value={text} onChange={setText} errors={errors} />
        <CheckboxGroup name="statuses" label="Statuts" hint="Aucun coché : tous." values={statuses} onChange={setStatuses} options={STATUS_OPTIONS} errors={errors} />
        <div className="actions">
          <button type="submit">Rechercher</button>
        </div>
      </form>
      <QueryState fetching={fetching && !data} error={error} />
      {connection && (
        <>
          <p role="status" id="nombre-resultats" tabIndex={-1}>
            {connection.totalCount} besoin{connection.totalCount > 1 ? 's' : ''}.
          </p>
          {connection.edges.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Besoins trouvés, du plus récent au plus ancien</caption>
                <thead>
                  <tr>
                    <th scope="col">Besoin</th>
                    <th scope="col">Entreprise</th>
                    <th scope="col">Statut</th>
                    <th scope="col">Déposé le</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>
                        <Link href={`/besoins/${node.id}`}>{node.title}</Link>
                      </td>
                      <td>{node.companyName ?? '—'}</td>
                      <td>{NEED_STATUS_FR[node.status]}</td>
                      <td>{formatDate(String(node.createdAt))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages.pager(connection.pageInfo)}
        </>
      )}
    </Page>
  );
}
