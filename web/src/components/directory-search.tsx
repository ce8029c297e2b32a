// The directory search (text, facets, cards, pages): on the public home, and alone in the page the
// Métropole's website frames (/embed/annuaire). The search and its page live in the address, under
// SupplierFilter's names (text, servesCommuneCode, communeCode, inclusionKinds, legalForms) and `page`:
// a search can be shared, the back button returns to the previous one, and the embed's snippet presets
// its filters the same way.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { navigate, useSearch } from 'wouter/use-browser-location';
import { PUBLIC_COMMUNES, PUBLIC_DIRECTORY } from '../../../graphql/public-operations';
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
interface NamedCommune {
  code: string;
  name: string;
}
interface Reading {
  text: string | null;
  servesCommune: NamedCommune | null;
  servesCommuneFromText: boolean;
  servesCommuneTyped: string | null;
  headOfficeCommune: NamedCommune | null;
}
interface DirectoryData {
  suppliers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    reading: Reading;
    facets: { inclusionKinds: Facet[]; legalForms: Facet[]; communes: Facet[] };
    edges: { node: { id: string; slug: string; name: string; legalForm: LegalForm; inclusionKind: InclusionKind | null; description: string; services: string[]; labels: string[]; interventionRadiusKm: number | null; website: string | null; commune: { name: string }; completeness: { percent: number } } }[];
  };
}

/** A search as the address holds it. */
interface DirectoryState {
  text: string;
  kind: string;
  legalForm: string;
  serves: string;
  headOffice: string;
  /** false: the text is searched as typed, a commune name in it included (readPlaces: false). */
  readPlaces: boolean;
  page: number;
}

const PAGE_SIZE = 10;
/** The number of the last page of `total` structures. */
const lastPage = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
const COUNT_ID = 'nombre-structures-annuaire';
const PARAMS = { text: 'text', kind: 'inclusionKinds', legalForm: 'legalForms', serves: 'servesCommuneCode', headOffice: 'communeCode', readPlaces: 'readPlaces', page: 'page' } as const;

function stateOf(search: string): DirectoryState {
  const params = new URLSearchParams(search);
  // Repeated or comma-separated, as /directory.geojson takes them; unknown kinds are left out.
  const kinds = params
    .getAll(PARAMS.kind)
    .flatMap((v) => v.split(','))
    .map((k) => k.trim())
    .filter((k) => Object.hasOwn(INCLUSION_KIND_FR, k));
  const page = Number(params.get(PARAMS.page));
  return {
    text: params.get(PARAMS.text) ?? '',
    kind: kinds.join(','),
    legalForm: params.get(PARAMS.legalForm)?.trim() ?? '',
    serves: params.get(PARAMS.serves)?.trim() ?? '',
    headOffice: params.get(PARAMS.headOffice)?.trim() ?? '',
    readPlaces: params.get(PARAMS.readPlaces) !== 'false',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** A new entry in the history: the other parameters of the address (the home's ?structure=) are kept. */
function go(state: DirectoryState) {
  const params = new URLSearchParams(window.location.search);
  for (const key of Object.keys(PARAMS) as (keyof DirectoryState)[]) {
    const value = key === 'page' ? (state.page > 1 ? String(state.page) : '') : key === 'readPlaces' ? (state.readPlaces ? '' : 'false') : state[key];
    if (value) params.set(PARAMS[key], value);
    else params.delete(PARAMS[key]);
  }
  const query = params.toString();
  navigate(`${window.location.pathname}${query ? `?${query}` : ''}`);
}

const filterOf = (s: DirectoryState) => ({
  ...(s.text.trim() ? { text: s.text } : {}), // as typed: a space after the last word says it is complete
  ...(s.kind ? { inclusionKinds: s.kind.split(',') as InclusionKind[] } : {}),
  ...(s.legalForm ? { legalForms: [s.legalForm as LegalForm] } : {}),
  ...(s.serves ? { servesCommuneCode: s.serves } : {}),
  ...(s.headOffice ? { communeCode: s.headOffice } : {}),
  ...(s.readPlaces ? {} : { readPlaces: false }),
});

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

/** The Métropole's communes whatever the search found (an empty result must not empty the list), and the chosen one. */
const communeOptions = (communes: NamedCommune[], chosen: string, chosenName: string | undefined) => {
  const options = communes.map((c) => ({ value: c.code, label: c.name }));
  if (chosen && !options.some((o) => o.value === chosen)) options.unshift({ value: chosen, label: chosenName ?? chosen });
  return options;
};

/** What the search was read as, when a place is part of it: « Structures pouvant intervenir à Rouen ». */
export function readingSentence(r: { text?: string | null; servesCommune?: { name: string } | null; servesCommuneFromText: boolean; headOfficeCommune?: { name: string } | null }): string | null {
  if (!r.servesCommune && !r.headOfficeCommune) return null;
  return [
    r.servesCommune ? `Structures pouvant intervenir à ${r.servesCommune.name}` : 'Structures',
    r.servesCommune && r.servesCommuneFromText ? ' (commune reconnue dans votre recherche)' : '',
    r.headOfficeCommune ? `, dont le siège est à ${r.headOfficeCommune.name}` : '',
    r.text ? `, pour « ${r.text} »` : '',
    '.',
  ].join('');
}

/**
 * `headingLevel` 1 where the search is the whole page (the embed); `linkTarget` "_top" there, so
 * that a structure's page opens in the window rather than in the frame.
 */
export function DirectorySearch({ headingLevel = 2, linkTarget }: { headingLevel?: 1 | 2; linkTarget?: '_top' }) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const search = useSearch();
  const state = stateOf(search);
  // What is typed is the page's until sent; the address's text comes back with the back button.
  const [text, setText] = useState(state.text);
  useEffect(() => setText(state.text), [state.text]);
  const [{ data, fetching, error }] = useQuery<DirectoryData>({ query: PUBLIC_DIRECTORY, variables: { filter: filterOf(state), first: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE }, context: AS_GET });
  const [communes] = useQuery<{ metropoleCommunes: NamedCommune[] }>({ query: PUBLIC_COMMUNES, context: AS_GET });
  const metropole = communes.data?.metropoleCommunes ?? [];
  const connection = data?.suppliers;
  const errors = errorsOf(error);
  const sentence = connection && readingSentence(connection.reading);
  // After « Page suivante » the keyboard goes to the new page's count, not left at the bottom (once the page is shown).
  const turned = useRef(false);
  useEffect(() => {
    if (!turned.current || fetching || !connection) return;
    turned.current = false;
    document.getElementById(COUNT_ID)?.focus();
  });
  const turn = (page: number) => {
    turned.current = true;
    go({ ...state, page });
  };

  // A commune of the text that gave way to the one chosen in « Peut intervenir à », said until the choice changes.
  const [yielded, setYielded] = useState<{ typed: string; code: string } | null>(null);
  // Any change of the search starts again at its first page.
  const apply = (next: Partial<DirectoryState>) => go({ ...state, text, ...next, page: 1 });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setYielded(null);
    apply({ readPlaces: true }); // a new text is read afresh
  };
  // Choosing where the structures must work replaces the commune the text named: its words leave the
  // text rather than becoming words searched in the profiles.
  const chooseServes = (code: string) => {
    const reading = connection?.reading;
    if (code && reading?.servesCommuneFromText && reading.servesCommuneTyped) {
      setYielded({ typed: reading.servesCommuneTyped, code });
      return apply({ serves: code, text: reading.text ?? '' });
    }
    apply({ serves: code });
  };
  const typedCommune = connection?.reading.servesCommuneFromText ? connection.reading.servesCommuneTyped : null;
  const chosenName = (code: string) => metropole.find((c) => c.code === code)?.name ?? connection?.reading.servesCommune?.name ?? code;

  return (
    <section aria-labelledby="annuaire">
      <Heading id="annuaire">Trouver une structure de l’ESS</Heading>
      <form className="search-form" role="search" onSubmit={submit}>
        <TextField name="text" label="Rechercher" hint="Une activité, une prestation, un nom ; une commune nommée (« espaces verts Rouen ») cherche les structures qui peuvent y intervenir." value={text} onChange={setText} errors={errors} />
        <SelectField name="inclusionKinds" label="Type d’inclusion" value={state.kind} onChange={(v) => apply({ kind: v })} options={facetOptions(connection?.facets.inclusionKinds, state.kind, kindsLabel)} emptyLabel="Tous" errors={errors} />
        <SelectField name="legalForms" label="Statut" value={state.legalForm} onChange={(v) => apply({ legalForm: v })} options={facetOptions(connection?.facets.legalForms, state.legalForm)} emptyLabel="Tous" errors={errors} />
        <SelectField name="servesCommune" label="Peut intervenir à" value={state.serves} onChange={chooseServes} options={communeOptions(metropole, state.serves, connection?.reading.servesCommune?.name)} emptyLabel="Toutes les communes" errors={errors} />
        <SelectField name="headOfficeCommune" label="Siège à" value={state.headOffice} onChange={(v) => apply({ headOffice: v })} options={communeOptions(metropole, state.headOffice, connection?.reading.headOfficeCommune?.name)} emptyLabel="Toutes les communes" errors={errors} />
        <button type="submit">Rechercher</button>
      </form>
      <QueryState fetching={fetching && !data} error={error} />
      {connection && (
        <>
          {sentence && <p className="directory-reading">{sentence}</p>}
          {typedCommune && (
            <p>
              <button type="button" className="secondary" onClick={() => apply({ readPlaces: false, text: state.text })}>
                Chercher « {typedCommune} » comme un mot
              </button>
            </p>
          )}
          {yielded && state.serves === yielded.code && (
            <p className="directory-reading">
              « {yielded.typed} » a été retiré de votre recherche : la commune choisie dans « Peut intervenir à » ({chosenName(yielded.code)}) la remplace.
            </p>
          )}
          {!state.readPlaces && (
            <p className="directory-reading">
              Votre texte est cherché tel quel, sans y reconnaître de commune.{' '}
              <button type="button" className="secondary" onClick={() => apply({ readPlaces: true, text: state.text })}>
                Reconnaître les communes dans le texte
              </button>
            </p>
          )}
          <p role="status" id={COUNT_ID} tabIndex={-1}>
            {connection.totalCount === 0 ? 'Aucune structure ne correspond.' : `${connection.totalCount} structure${connection.totalCount > 1 ? 's' : ''}.`}
          </p>
          {connection.edges.length === 0 && connection.totalCount > 0 && (
            // An address kept from an earlier search, or a page typed in it: the results end sooner.
            <p className="directory-reading">
              La page {state.page} est au-delà des résultats, qui tiennent en {lastPage(connection.totalCount)} page{lastPage(connection.totalCount) > 1 ? 's' : ''}.{' '}
              <button type="button" className="secondary" onClick={() => turn(lastPage(connection.totalCount))}>
                Aller à la dernière page
              </button>
            </p>
          )}
          <ul className="cards results">
            {connection.edges.map(({ node }) => (
              <li key={node.id}>
                <DirectoryCard s={{ ...node, communeName: node.commune.name }} href={`/structures/${node.slug}`} linkTarget={linkTarget} />
              </li>
            ))}
          </ul>
          <Pager page={state.page} hasNext={connection.pageInfo.hasNextPage} onNext={() => turn(state.page + 1)} onPrevious={() => turn(state.page - 1)} />
        </>
      )}
    </section>
  );
}
