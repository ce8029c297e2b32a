// The yearly review: a period, the figures, charts where people would rather look than read, and the
// CSV of `npm run report` (the API's ImpactStats.csv, built by the same code).
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { BarChart } from '../components/bar-chart';
import { ErrorSummary, TextField } from '../components/fields';
import { Page, QueryState } from '../components/layout';
import { errorsOf } from '../errors';
import { formatDate, formatEuros, formatWhole, percent } from '../format';
import { graphql } from '../gql';
import { CsvLink } from '../components/csv-link';

const Impact = graphql(`
  query ImpactStats($from: DateTime!, $to: DateTime!) {
    impactStats(from: $from, to: $to) {
      from
      to
      needsPosted
      shortlistsApproved
      shortlistsSent
      introductions
      structuresIntroduced
      introductionsByInclusionKind {
        inclusionKind
        label
        count
      }
      introductionsByCommune {
        commune {
          code
          name
        }
        count
      }
      introductionsOutsideMetropole
      outcomes {
        status
        label
        count
      }
      amountWon
      amountWonByMonth {
        month
        label
        amount
      }
      insertionHours
      conversionRate
      csv
      csvExcelFr: csv(excelFr: true)
      publicContracts {
        contracts
        amount
        essContracts
        essAmount
        reserved
        socialClause
        socialCriterion
        byMonth {
          key
          label
          amount
        }
      }
      profilesClaimed
      profilesCompleted
    }
  }
`);

const year = new Date().getFullYear();

const describe = (labels: string[], values: (string | number)[]) => labels.map((l, i) => `${l} ${values[i]}`).join(', ');

export function Review() {
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [period, setPeriod] = useState({ from, to });
  const [{ data, fetching, error }] = useQuery({ query: Impact, variables: period });
  const s = data?.impactStats;
  const errors = errorsOf(error);

  function submit(e: FormEvent) {
    e.preventDefault();
    setPeriod({ from, to });
  }

  const kinds = s?.introductionsByInclusionKind.filter((k) => k.count > 0) ?? [];
  const communes = s?.introductionsByCommune.slice(0, 15) ?? [];
  const funnel = s ? [{ label: 'Mises en relation', count: s.introductions }, ...s.outcomes.map((o) => ({ label: o.label, count: o.count }))] : [];
  const months = s?.amountWonByMonth ?? [];
  const contractMonths = s?.publicContracts.byMonth ?? [];

  return (
    <Page title="Bilan annuel">
      <form className="period-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={['from', 'to']} />
        <TextField name="from" label="Du" type="date" required value={from} onChange={setFrom} errors={errors} />
        <TextField name="to" label="Au (inclus)" type="date" required value={to} onChange={setTo} errors={errors} />
        <div className="actions">
          <button type="submit">Afficher le bilan</button>
          <button type="button" className="secondary" onClick={() => { setFrom(`${year - 1}-01-01`); setTo(`${year - 1}-12-31`); setPeriod({ from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }); }}>
            Année {year - 1}
          </button>
        </div>
      </form>
      <QueryState fetching={fetching && !data} error={Object.keys(errors).some((k) => k === 'from' || k === 'to') ? undefined : error} />
      {s && (
        <>
          <div className="actions">
            <CsvLink csv={s.csvExcelFr} name={`bilan-${period.from}-${period.to}-excel.csv`} label="Télécharger le bilan (CSV pour Excel en français)" id="telecharger-csv" />
            <CsvLink csv={s.csv} name={`bilan-${period.from}-${period.to}.csv`} label="CSV standard" id="telecharger-csv-standard" secondary />
          </div>
          <h2>Chiffres clés</h2>
          <ul className="figures">
            <li><strong>{s.needsPosted}</strong> besoins publiés</li>
            <li><strong>{s.shortlistsApproved}</strong> listes approuvées ({s.shortlistsSent} envoyées)</li>
            <li><strong>{s.introductions}</strong> mises en relation</li>
            <li><strong>{s.structuresIntroduced}</strong> structures présentées</li>
            <li><strong>{formatEuros(s.amountWon)}</strong> remportés par l’ESS</li>
            <li><strong>{s.insertionHours}</strong> heures d’insertion</li>
            <li><strong>{percent(s.conversionRate)}</strong> de transformation</li>
            <li><strong>{s.profilesClaimed}</strong> fiches revendiquées par leur structure</li>
            <li><strong>{s.profilesCompleted}</strong> fiches complétées après une invitation</li>
          </ul>
          <h2>Commande publique</h2>
          <ul className="figures">
            <li><strong>{s.publicContracts.contracts}</strong> marchés publics notifiés ({formatEuros(s.publicContracts.amount)} HT)</li>
            <li><strong>{s.publicContracts.essContracts}</strong> attribués à une structure de l’annuaire ({formatEuros(s.publicContracts.essAmount)})</li>
            <li><strong>{s.publicContracts.reserved}</strong> marchés réservés</li>
            <li><strong>{s.publicContracts.socialClause}</strong> avec clause sociale, <strong>{s.publicContracts.socialCriterion}</strong> avec critère social</li>
          </ul>
          <p>
            <Link href="/commande-publique">Le détail par acheteur et ses marchés</Link>
          </p>
          <h2>Graphiques</h2>
          <div className="charts">
            <BarChart title="Mises en relation par type de structure" labels={kinds.map((k) => k.label.split(' (')[0]!)} values={kinds.map((k) => k.count)} summary={describe(kinds.map((k) => k.label), kinds.map((k) => k.count)) || 'aucune'} horizontal />
            <BarChart title="Mises en relation par commune de la Métropole" labels={communes.map((c) => c.commune.name)} values={communes.map((c) => c.count)} summary={describe(communes.map((c) => c.commune.name), communes.map((c) => c.count)) || 'aucune'} horizontal />
            <BarChart title="Des mises en relation aux suites" labels={funnel.map((f) => f.label)} values={funnel.map((f) => f.count)} summary={describe(funnel.map((f) => f.label), funnel.map((f) => f.count))} horizontal />
            <BarChart title="Montants remportés par mois" labels={months.map((m) => m.label)} values={months.map((m) => m.amount)} summary={describe(months.map((m) => m.label), months.map((m) => formatEuros(m.amount)))} money />
            {contractMonths.length > 0 && (
              <BarChart title="Marchés publics notifiés par mois (montant HT)" labels={contractMonths.map((m) => m.label)} values={contractMonths.map((m) => m.amount)} summary={describe(contractMonths.map((m) => m.label), contractMonths.map((m) => formatEuros(m.amount)))} money />
            )}
          </div>
          <details>
            <summary>Tous les chiffres en tableau</summary>
            <FiguresTable csv={s.csv} />
          </details>
        </>
      )}
    </Page>
  );
}

/** A figure of the CSV as the page writes it: euros, a share, a day, or a count (the download keeps raw values). */
function valueFr(indicator: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(`${value}T12:00:00Z`);
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) return value;
  if (/^(taux|part)_/.test(indicator)) return percent(n);
  if (/euros|^montant_/.test(indicator)) return formatEuros(n);
  return formatWhole(n);
}

/** The CSV's rows as a table (the same figures as the download). */
function FiguresTable({ csv }: { csv: string }) {
  const rows = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
      return cells;
    });
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col">Valeur</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r[2]}</td>
              <td>{valueFr(r[0] ?? '', r[3] ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
