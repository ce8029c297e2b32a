import { useQuery } from 'urql';
import { Link } from 'wouter';
import { NEED_KIND_FR } from '../../../api/reference/vocabulary';
import { Page, QueryState } from '../components/layout';
import { useCursorPages } from '../components/pager';
import { ageOf, budgetFr, formatDate } from '../format';
import { graphql } from '../gql';

const PAGE_SIZE = 20;

const Awaiting = graphql(`
  query NeedsAwaiting($first: Int, $after: String) {
    needsAwaitingShortlist(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          kind
          companyName
          commune {
            code
            name
          }
          budgetMin
          budgetMax
          deadline
          createdAt
        }
      }
    }
  }
`);

export function NeedsAwaiting() {
  const pages = useCursorPages('nombre-besoins');
  const [{ data, fetching, error }] = useQuery({ query: Awaiting, variables: { first: PAGE_SIZE, after: pages.after } });
  const connection = data?.needsAwaitingShortlist;
  return (
    <Page title="Besoins en attente d’une liste">
      <p>Les besoins pour lesquels aucune liste de structures n’a encore été approuvée, les plus anciens d’abord.</p>
      <QueryState fetching={fetching && !data} error={error} />
      {connection && (
        <>
          <p role="status" id="nombre-besoins" tabIndex={-1}>
            {connection.totalCount} besoin{connection.totalCount > 1 ? 's' : ''} en attente.
          </p>
          {connection.edges.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Besoins en attente, du plus ancien au plus récent</caption>
                <thead>
                  <tr>
                    <th scope="col">Besoin</th>
                    <th scope="col">Entreprise</th>
                    <th scope="col">Commune</th>
                    <th scope="col">Type</th>
                    <th scope="col">Budget</th>
                    <th scope="col">Échéance</th>
                    <th scope="col">En attente depuis</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>
                        <Link href={`/besoins/${node.id}`}>{node.title}</Link>
                      </td>
                      <td>{node.companyName ?? '—'}</td>
                      <td>{node.commune.name}</td>
                      <td>{NEED_KIND_FR[node.kind]}</td>
                      <td>{budgetFr(node.budgetMin, node.budgetMax)}</td>
                      <td>{formatDate(node.deadline)}</td>
                      <td>{ageOf(node.createdAt)}</td>
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
