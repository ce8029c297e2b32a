// A buyer's spend analysis, for the firm's own page and the console's page of an organisation: the
// file sent, the figures and a chart, the categories without ESS with structures to propose, the
// lines refused, the CSV downloads, the OETH deduction (firms: ./oeth-form.tsx), and deletion.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { INCLUSION_KIND_FR } from '../../../api/reference/vocabulary';
import { errorsOf, type FieldErrors } from '../errors';
import { formatDateTime, formatEuros, percent } from '../format';
import { graphql } from '../gql';
import type { SpendAnalysisDetailQuery } from '../gql/graphql';
import { BarChart } from './bar-chart';
import { OethForm } from './oeth-form';
import { ErrorSummary } from './fields';
import { QueryState } from './layout';
import { CsvLink } from './csv-link';

const List = graphql(`
  query SpendAnalysesList($organisationId: ID) {
    spendAnalyses(organisationId: $organisationId) {
      id
      createdAt
      lines
      totalAmount
    }
  }
`);

const Detail = graphql(`
  query SpendAnalysisDetail($id: ID!) {
    spendAnalysis(id: $id) {
      id
      createdAt
      lines
      totalAmount
      essAmount
      siaeAmount
      protectedAmount
      essShare
      siaeShare
      protectedShare
      publicBuyer
      refusals {
        line
        reason
      }
      gaps {
        category
        amount
        suggestions {
          id
          name
          inclusionKind
          commune {
            name
          }
        }
        potential {
          total
          recommendation
        }
      }
      csv
      csvExcelFr: csv(excelFr: true)
    }
  }
`);

const Analyse = graphql(`
  mutation AnalyseSpend($csv: String!, $organisationId: ID) {
    analyseSpend(csv: $csv, organisationId: $organisationId) {
      id
    }
  }
`);

const Delete = graphql(`
  mutation DeleteSpendAnalysis($id: ID!) {
    deleteSpendAnalysis(id: $id)
  }
`);

type Analysis = NonNullable<SpendAnalysisDetailQuery['spendAnalysis']>;

/** The analyses of the viewer's organisation (or, for staff, of `organisationId`). */
export function SpendAnalyses({ organisationId }: { organisationId?: string }) {
  const [list, refetch] = useQuery({ query: List, variables: { organisationId }, requestPolicy: 'network-only' });
  const [selected, setSelected] = useState<string | null>(null);
  const analyses = list.data?.spendAnalyses ?? [];
  const current = selected && analyses.some((a) => a.id === selected) ? selected : (analyses[0]?.id ?? null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <>
      <Upload organisationId={organisationId} onDone={(id) => { setSelected(id); reload(); }} />
      <QueryState fetching={list.fetching && !list.data} error={list.error} />
      {analyses.length > 1 && (
        <section aria-labelledby="analyses-passees">
          <h2 id="analyses-passees">Analyses enregistrées</h2>
          <ul>
            {analyses.map((a) => (
              <li key={a.id}>
                <button type="button" className="secondary" aria-pressed={a.id === current} onClick={() => setSelected(a.id)}>
                  {formatDateTime(a.createdAt)} : {a.lines} lignes, {formatEuros(a.totalAmount)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {list.data && analyses.length === 0 && <p>Aucune analyse enregistrée pour le moment.</p>}
      {current && <Results key={current} id={current} onDeleted={reload} />}
    </>
  );
}

function Upload({ organisationId, onDone }: { organisationId?: string; onDone: (id: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [result, analyse] = useMutation(Analyse);
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = { ...errorsOf(result.error), ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setLocal({ csv: '« csv » : choisissez le fichier de vos dépenses (CSV).' });
    setLocal({});
    const res = await analyse({ csv: await file.text(), organisationId });
    if (res.data) onDone(res.data.analyseSpend.id);
  }

  const error = errors.csv;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="envoyer-fichier">
      <h2 id="envoyer-fichier">Analyser un fichier de dépenses</h2>
      <ErrorSummary errors={errors} fields={['csv']} />
      <div className={`field${error ? ' field-error' : ''}`}>
        <label htmlFor="champ-csv">Fichier des dépenses par fournisseur (CSV)</label>
        <p className="hint" id="champ-csv-aide">
          Une ligne par fournisseur et par période : SIRET ou SIREN, nom, montant, et facultativement la catégorie d’achat ou le code NAF. En-têtes en français ou en anglais,
          points-virgules ou virgules, virgules décimales acceptées. Le fichier n’est visible que de votre organisation et des agents de la Métropole.
        </p>
        {error && (
          <p className="error-message" id="champ-csv-erreur">
            <span className="visually-hidden">Erreur : </span>
            {error}
          </p>
        )}
        <input id="champ-csv" name="csv" type="file" accept=".csv,text/csv" aria-describedby={`champ-csv-aide${error ? ' champ-csv-erreur' : ''}`} aria-invalid={!!error || undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          Analyser
        </button>
      </div>
    </form>
  );
}

function Results({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const [{ data, fetching, error }] = useQuery({ query: Detail, variables: { id } });
  const [deletion, remove] = useMutation(Delete);
  const a = data?.spendAnalysis;
  if (!a) return <QueryState fetching={fetching} error={error} />;
  const other = a.essAmount - a.siaeAmount - a.protectedAmount;
  const split = [
    { label: 'SIAE', amount: a.siaeAmount },
    { label: 'Secteur protégé (ESAT, EA)', amount: a.protectedAmount },
    { label: 'Autres structures de l’ESS', amount: other },
    { label: 'Hors ESS', amount: a.totalAmount - a.essAmount },
  ];
  const day = a.createdAt.slice(0, 10);

  async function erase() {
    if ((await remove({ id })).data) onDeleted();
  }

  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">Résultats de l’analyse du {formatDateTime(a.createdAt)}</h2>
      <ul className="figures">
        <li><strong>{formatEuros(a.totalAmount)}</strong> de dépenses ({a.lines} lignes)</li>
        <li><strong>{percent(a.essShare)}</strong> auprès de l’ESS ({formatEuros(a.essAmount)})</li>
        <li><strong>{percent(a.siaeShare)}</strong> auprès des SIAE ({formatEuros(a.siaeAmount)})</li>
        <li><strong>{percent(a.protectedShare)}</strong> auprès du secteur protégé ({formatEuros(a.protectedAmount)})</li>
      </ul>
      <div className="actions">
        <CsvLink csv={a.csvExcelFr} name={`analyse-achats-${day}-excel.csv`} label="Télécharger (CSV pour Excel en français)" />
        <CsvLink csv={a.csv} name={`analyse-achats-${day}.csv`} label="CSV standard" secondary />
        <button type="button" className="danger" disabled={deletion.fetching} onClick={erase}>
          Supprimer cette analyse et son fichier
        </button>
      </div>
      <QueryState fetching={false} error={deletion.error} />
      <div className="charts">
        <BarChart title="Répartition des dépenses" labels={split.map((s) => s.label)} values={split.map((s) => s.amount)} summary={split.map((s) => `${s.label} ${formatEuros(s.amount)}`).join(', ')} horizontal money />
        {a.gaps.length > 0 && (
          <BarChart title="Catégories sans ESS" labels={a.gaps.map((g) => g.category)} values={a.gaps.map((g) => g.amount)} summary={a.gaps.map((g) => `${g.category} ${formatEuros(g.amount)}`).join(', ')} horizontal money />
        )}
      </div>
      <Gaps gaps={a.gaps} />
      {a.publicBuyer ? (
        <p>Acheteur public : les achats auprès d’ESAT et d’EA sont comptés ici dans le secteur protégé, et ne comptent pour rien d’autre.</p>
      ) : (
        <OethForm id={a.id} protectedAmount={a.protectedAmount} />
      )}
      <Refusals refusals={a.refusals} />
    </section>
  );
}

function Gaps({ gaps }: { gaps: Analysis['gaps'] }) {
  if (gaps.length === 0) return <p>Chaque catégorie de votre fichier compte au moins un achat auprès de l’ESS.</p>;
  return (
    <>
      <h3>Catégories d’achats sans ESS, et des structures de l’annuaire capables d’y répondre</h3>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col">Montant</th>
              <th scope="col">Structures proposées</th>
              <th scope="col">Potentiel de l’ESS</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={g.category}>
                <td>{g.category}</td>
                <td>{formatEuros(g.amount)}</td>
                <td>
                  {g.suggestions.length === 0
                    ? 'Aucune structure de ce métier dans l’annuaire'
                    : g.suggestions.map((s) => `${s.name}${s.inclusionKind ? ` · ${INCLUSION_KIND_FR[s.inclusionKind]}` : ''} · ${s.commune.name}`).join(' ; ')}
                </td>
                <td>
                  {g.potential.total} structure{g.potential.total > 1 ? 's' : ''} pourrai{g.potential.total > 1 ? 'ent' : 't'} prendre ce montant seule{g.potential.total > 1 ? 's' : ''}. {g.potential.recommendation}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Refusals({ refusals }: { refusals: Analysis['refusals'] }) {
  if (refusals.length === 0) return <p>Toutes les lignes du fichier ont été lues.</p>;
  return (
    <>
      <h3>Lignes non comptées ({refusals.length})</h3>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Raison</th>
            </tr>
          </thead>
          <tbody>
            {refusals.map((r) => (
              <tr key={`${r.line}-${r.reason}`}>
                <td>{r.line}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
