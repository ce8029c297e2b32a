// Public contracts (DECP) over a period: the figures by buyer and, for the chosen buyer, its
// contracts. Officers see every buyer; a public buyer's user sees its own (the API decides).
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { ErrorSummary, TextField } from '../components/fields';
import { Page, QueryState } from '../components/layout';
import { errorsOf } from '../errors';
import { formatDate, formatEuros } from '../format';
import { graphql } from '../gql';

const StatsQuery = graphql(`
  query PublicContractStats($from: DateTime!, $to: DateTime!) {
    publicContractStats(from: $from, to: $to) {
      contracts
      amount
      essContracts
      essAmount
      reserved
      socialClause
      socialCriterion
      byBuyer {
        key
        label
        contracts
        amount
        essContracts
        essAmount
        reserved
        socialClause
        socialCriterion
      }
    }
  }
`);

const ContractsQuery = graphql(`
  query BuyerContracts($from: DateTime!, $to: DateTime!, $buyer: String) {
    publicContracts(from: $from, to: $to, buyer: $buyer) {
      id
      contractId
      object
      amount
      notifiedAt
      placeCode
      socialClause
      socialCriterion
      reserved
      awardedToDirectory
      holders {
        idType
        id
        supplier {
          id
          name
        }
      }
    }
  }
`);

const year = new Date().getFullYear();

/** What the contract says of social considerations, in words. */
function considerations(c: { socialClause: boolean; socialCriterion: boolean; reserved: boolean }): string {
  const words = [c.reserved && 'marché réservé', c.socialClause && 'clause sociale', c.socialCriterion && 'critère social'].filter(Boolean);
  return words.length ? words.join(', ') : '—';
}

function BuyerContracts({ period, buyer, label }: { period: { from: string; to: string }; buyer: string; label: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ContractsQuery, variables: { ...period, buyer } });
  return (
    <section aria-labelledby="marches-acheteur">
      <h2 id="marches-acheteur">Marchés de {label}</h2>
      <QueryState fetching={fetching && !data} error={error} />
      {data && data.publicContracts.length === 0 && <p>Aucun marché notifié sur la période.</p>}
      {data && data.publicContracts.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Notifié le</th>
                <th scope="col">Numéro</th>
                <th scope="col">Objet</th>
                <th scope="col">Montant HT</th>
                <th scope="col">Considérations sociales</th>
                <th scope="col">Titulaires</th>
              </tr>
            </thead>
            <tbody>
              {data.publicContracts.map((c) => (
                <tr key={c.id}>
                  <td>{formatDate(c.notifiedAt as string)}</td>
                  <td>{c.contractId}</td>
                  <td>{c.object || '—'}</td>
                  <td>{formatEuros(c.amount)}</td>
                  <td>{considerations(c)}</td>
                  <td>
                    {c.holders.map((h) => (
                      <span key={`${h.idType}${h.id}`} className="holder">
                        {h.supplier ? <Link href={`/structures/${h.supplier.id}`}>{h.supplier.name}</Link> : `${h.idType} ${h.id}`}{' '}
                      </span>
                    ))}
                    {c.awardedToDirectory && <strong> (structure de l’annuaire)</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function PublicContracts() {
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [period, setPeriod] = useState({ from, to });
  const [chosen, setChosen] = useState<{ key: string; label: string } | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: StatsQuery, variables: period });
  const s = data?.publicContractStats;
  const errors = errorsOf(error);

  function submit(e: FormEvent) {
    e.preventDefault();
    setPeriod({ from, to });
  }

  return (
    <Page title="Commande publique">
      <p>Les marchés publics notifiés sur la période (données essentielles de la commande publique, importées des DECP).</p>
      <form className="period-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={['from', 'to']} />
        <TextField name="from" label="Du" type="date" required value={from} onChange={setFrom} errors={errors} />
        <TextField name="to" label="Au (inclus)" type="date" required value={to} onChange={setTo} errors={errors} />
        <div className="actions">
          <button type="submit">Afficher</button>
        </div>
      </form>
      <QueryState fetching={fetching && !data} error={Object.keys(errors).some((k) => k === 'from' || k === 'to') ? undefined : error} />
      {s && (
        <>
          <ul className="figures">
            <li><strong>{s.contracts}</strong> marchés notifiés ({formatEuros(s.amount)} HT)</li>
            <li><strong>{s.essContracts}</strong> attribués à une structure de l’annuaire ({formatEuros(s.essAmount)})</li>
            <li><strong>{s.reserved}</strong> marchés réservés</li>
            <li><strong>{s.socialClause}</strong> avec clause sociale</li>
            <li><strong>{s.socialCriterion}</strong> avec critère social</li>
          </ul>
          <h2>Par acheteur</h2>
          {s.byBuyer.length === 0 ? (
            <p>Aucun marché sur la période.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Acheteur</th>
                    <th scope="col">Marchés</th>
                    <th scope="col">Montant HT</th>
                    <th scope="col">Dont structures de l’annuaire</th>
                    <th scope="col">Réservés</th>
                    <th scope="col">Clause sociale</th>
                    <th scope="col">Critère social</th>
                  </tr>
                </thead>
                <tbody>
                  {s.byBuyer.map((b) => (
                    <tr key={b.key}>
                      <th scope="row">
                        <button type="button" className="secondary small" onClick={() => setChosen({ key: b.key, label: b.label })} aria-pressed={chosen?.key === b.key}>
                          {b.label}
                        </button>
                      </th>
                      <td>{b.contracts}</td>
                      <td>{formatEuros(b.amount)}</td>
                      <td>
                        {b.essContracts} ({formatEuros(b.essAmount)})
                      </td>
                      <td>{b.reserved}</td>
                      <td>{b.socialClause}</td>
                      <td>{b.socialCriterion}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {chosen && <BuyerContracts period={period} buyer={chosen.key} label={chosen.label} />}
        </>
      )}
    </Page>
  );
}
