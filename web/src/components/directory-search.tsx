// The directory search (text, facets, cards, pages): on the public home, and alone in the page the
// Métropole's website frames (/embed/annuaire), where the snippet may preset its filters.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { PUBLIC_DIRECTORY } from '../../../graphql/public-operations';
import { INCLUSION_KIND_FR } from '../../../api/reference/vocabulary';
import { DirectoryCard } from './directory-card';
import { SelectField, TextField } from './fields';
import { QueryState } from './layout';
import { Pager } from './pager';
import { AS_GET } from '../client';
import { errorsOf } from '../errors';
import type { InclusionKind, LegalForm } from '../gql/graphql';

interface Facet {
  value: string;
  label: string;
  count: number;
}
interface DirectoryData {
  suppliers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { inclusionKinds: Facet[]; legalForms: Facet[]; communes: Facet[] };
    edges: { node: { id: string; slug: string; name: string; legalForm: LegalForm; inclusionKind: InclusionKind | null; description: string; services: string[]; labels: string[]; interventionRadiusKm: number | null; website: string | null; commune: { name: string }; completeness: { percent: number } } }[];
  };
}

/** The filters a search starts from (the embed's query string). */
export interface DirectoryPreset {
  text?: string;
  inclusionKinds?: InclusionKind[];
  communeCode?: string;
}

interface Filter extends DirectoryPreset {
  legalForms?: LegalForm[];
}

const PAGE_SIZE = 10;

const kindsLabel = (value: string) =>
  value
    .split(',')
    .map((k) => INCLUSION_KIND_FR[k as InclusionKind] ?? k)
    .join(', ');

const facetOptions = (facets: Facet[] | undefined, chosen: string, labelOf = (v: string) => v) => {
  const options = (facets ?? []).map((f) => ({ value: f.value, label: `${f.label} (${f.count})` }));
  // The chosen value stays selectable even when the other filters leave it no structure (or several kinds were preset).
  if (chosen && !options.some((o) => o.value === chosen)) options.unshift({ value: chosen, label: labelOf(chosen) });
  return options;
};

const filterOf = (v: { text: string; kind: string; legalForm: string; commune: string }): Filter => ({
  ...(v.text.trim() ? { text: v.text } : {}), // as typed: a space after the last word says it is complete
  ...(v.kind ? { inclusionKinds: v.kind.split(',') as InclusionKind[] } : {}),
  ...(v.legalForm ? { legalForms: [v.legalForm as LegalForm] } : {}),
  ...(v.commune ? { communeCode: v.commune } : {}),
});

/**
 * `headingLevel` 1 where the search is the whole page (the embed); `linkTarget` "_top" there, so
 * that a structure's page opens in the window rather than in the frame.
 */
export function DirectorySearch({ preset = {}, headingLevel = 2, linkTarget }: { preset?: DirectoryPreset; headingLevel?: 1 | 2; linkTarget?: '_top' }) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const [initial] = useState(() => ({ text: preset.text ?? '', kind: (preset.inclusionKinds ?? []).join(','), legalForm: '', commune: preset.communeCode ?? '' }));
  const [text, setText] = useState(initial.text);
  const [kind, setKind] = useState(initial.kind);
  const [legalForm, setLegalForm] = useState('');
  const [commune, setCommune] = useState(initial.commune);
  const [filter, setFilter] = useState<Filter>(() => filterOf(initial));
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, fetching, error }] = useQuery<DirectoryData>({ query: PUBLIC_DIRECTORY, variables: { filter, first: PAGE_SIZE, after: cursors[cursors.length - 1] }, context: AS_GET });
  const connection = data?.suppliers;
  const errors = errorsOf(error);

  function apply(next: { text?: string; kind?: string; legalForm?: string; commune?: string }) {
    setCursors([null]);
    setFilter(filterOf({ text, kind, legalForm, commune, ...next }));
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({});
  };

  return (
    <section aria-labelledby="annuaire">
      <Heading id="annuaire">Trouver une structure de l’ESS</Heading>
      <form className="search-form" role="search" onSubmit={submit}>
        <TextField name="text" label="Rechercher" hint="Une activité, une prestation ou un nom." value={text} onChange={setText} errors={errors} />
        <SelectField name="inclusionKinds" label="Type d’inclusion" value={kind} onChange={(v) => (setKind(v), apply({ kind: v }))} options={facetOptions(connection?.facets.inclusionKinds, kind, kindsLabel)} emptyLabel="Tous" errors={errors} />
        <SelectField name="legalForms" label="Statut" value={legalForm} onChange={(v) => (setLegalForm(v), apply({ legalForm: v }))} options={facetOptions(connection?.facets.legalForms, legalForm)} emptyLabel="Tous" errors={errors} />
        <SelectField name="commune" label="Commune" value={commune} onChange={(v) => (setCommune(v), apply({ commune: v }))} options={facetOptions(connection?.facets.communes, commune)} emptyLabel="Toutes" errors={errors} />
        <button type="submit">Rechercher</button>
      </form>
      <QueryState fetching={fetching && !data} error={error} />
      {connection && (
        <>
          <p role="status">
            {connection.totalCount === 0 ? 'Aucune structure ne correspond.' : `${connection.totalCount} structure${connection.totalCount > 1 ? 's' : ''}.`}
          </p>
          <ul className="cards results">
            {connection.edges.map(({ node }) => (
              <li key={node.id}>
                <DirectoryCard s={{ ...node, communeName: node.commune.name }} href={`/structures/${node.slug}`} linkTarget={linkTarget} />
              </li>
            ))}
          </ul>
          <Pager page={cursors.length} hasNext={connection.pageInfo.hasNextPage} onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])} onPrevious={() => setCursors(cursors.slice(0, -1))} />
        </>
      )}
    </section>
  );
}
