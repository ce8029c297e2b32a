// Completion fields backed by the API: a commune by name (the Métropole's first, any French commune by
// name or INSEE code) and NAF sectors by label. The value kept is the code the API takes.
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import type { FieldErrors } from '../errors';
import { graphql } from '../gql';
import { TextField } from './fields';

const Communes = graphql(`
  query CommuneSearch($search: String!) {
    communes(search: $search, first: 10) {
      code
      name
      departement
    }
  }
`);

const Metropole = graphql(`
  query MetropoleCommunes {
    metropoleCommunes {
      code
      name
      departement
    }
  }
`);

const NafSearch = graphql(`
  query NafSearch($search: String!) {
    nafCodes(search: $search, first: 20) {
      code
      label
    }
  }
`);

type CommuneOption = { code: string; name: string };
const communeText = (c: CommuneOption) => `${c.name} (${c.code})`;
const INSEE = /^(\d[\dAB]\d{3})$/i;
/** A commune's name as typed in any way: « saint etienne du rouvray » is Saint-Étienne-du-Rouvray. */
const nameKey = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Commune chosen by name: "Rouen (76540)" from the list, or a code typed as it is. */
export function CommuneField({ name, label, code, initialName, onChange, errors, required }: { name: string; label: string; code: string; initialName?: string; onChange: (code: string) => void; errors: FieldErrors; required?: boolean }) {
  const [text, setText] = useState(code ? (initialName ? `${initialName} (${code})` : code) : '');
  const search = text.replace(/\s*\([^)]*\)?$/, '').trim();
  const [metropole] = useQuery({ query: Metropole });
  const [found] = useQuery({ query: Communes, variables: { search }, pause: search.length < 2 });
  const options: CommuneOption[] = search.length >= 2 && found.data ? found.data.communes : (metropole.data?.metropoleCommunes ?? []);

  useEffect(() => {
    // a name typed whole (accents, hyphens and case aside), or the one commune the search finds
    const only = search.length >= 2 && found.data?.communes.length === 1 ? found.data.communes[0]!.code : undefined;
    const picked = /\((\w{5})\)$/.exec(text.trim())?.[1] ?? INSEE.exec(text.trim())?.[1] ?? options.find((o) => nameKey(o.name) === nameKey(text))?.code ?? only ?? '';
    if (picked.toUpperCase() !== code) onChange(picked.toUpperCase());
  }, [text, search, found.data, options, code, onChange]);

  const listId = `liste-${name}`;
  const chosen = options.find((o) => o.code === code);
  return (
    <>
      <TextField
        name={name}
        label={label}
        required={required}
        hint="Tapez le nom de la commune et choisissez-la dans la liste (les communes de la Métropole d’abord), ou son code INSEE."
        value={text}
        onChange={setText}
        list={listId}
        autoComplete="off"
        errors={errors}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.code} value={communeText(o)} />
        ))}
      </datalist>
      <p className="hint" aria-live="polite">
        {code ? `Commune retenue : ${chosen ? communeText(chosen) : code}` : 'Aucune commune retenue pour l’instant.'}
      </p>
    </>
  );
}

const NafLabels = graphql(`
  query NafLabels($codes: [String!]!) {
    nafCodesByCode(codes: $codes) {
      code
      label
    }
  }
`);

/** The labels of saved codes, asked once for the codes given. */
function useNafLabels(codes: string[]): Record<string, string> {
  const [{ data }] = useQuery({ query: NafLabels, variables: { codes }, pause: codes.length === 0 });
  return Object.fromEntries((data?.nafCodesByCode ?? []).map((n) => [n.code, n.label]));
}

const nafText = (code: string, label: string | undefined) => (label ? `${code} — ${label}` : code);

/** Saved NAF codes as people read them: « 82.92Z — Activités de conditionnement », one per line. */
export function NafCodeList({ codes }: { codes: readonly string[] }) {
  const labels = useNafLabels([...codes]);
  if (codes.length === 0) return <>—</>;
  return (
    <ul className="naf-codes">
      {codes.map((c) => (
        <li key={c}>{nafText(c, labels[c])}</li>
      ))}
    </ul>
  );
}

/**
 * NAF sub-classes added one at a time, each removable: the sectors matching the typed words are
 * listed in the API's order (the label's own words first) and the person picks one; nothing is
 * taken for them.
 */
export function NafField({ name, codes, onChange, errors }: { name: string; codes: string[]; onChange: (codes: string[]) => void; errors: FieldErrors }) {
  const [text, setText] = useState('');
  const search = text.trim();
  const [found] = useQuery({ query: NafSearch, variables: { search }, pause: search.length < 2 });
  const options = search.length >= 2 ? (found.data?.nafCodes ?? []) : [];
  const [picked, setPicked] = useState('');
  const [notice, setNotice] = useState('');
  const saved = useNafLabels(codes);
  const [learnt, setLearnt] = useState<Record<string, string>>({});
  const labels = { ...saved, ...learnt };
  const listId = `choix-${name}`;

  function add() {
    const option = options.find((o) => o.code === picked);
    if (!option) return setNotice(options.length ? 'Choisissez un secteur dans la liste avant de l’ajouter.' : 'Aucun secteur ne correspond : essayez un autre mot ou le code NAF.');
    setLearnt({ ...learnt, [option.code]: option.label });
    if (!codes.includes(option.code)) onChange([...codes, option.code]);
    setText('');
    setPicked('');
    setNotice(`Secteur ajouté : ${nafText(option.code, option.label)}.`);
  }

  return (
    <div className="naf-field">
      <TextField name={name} label="Secteurs d’activité (NAF)" hint="Tapez un mot du secteur (par exemple « paysager ») ou son code, choisissez-le dans la liste, puis « Ajouter le secteur »." value={text} onChange={(v) => (setText(v), setPicked(''), setNotice(''))} autoComplete="off" errors={errors} />
      {options.length > 0 && (
        <fieldset className="naf-choices" id={listId}>
          <legend>Secteurs correspondant à « {search} »</legend>
          {options.map((o) => (
            <label key={o.code} className="checkbox">
              <input type="radio" name={listId} value={o.code} checked={picked === o.code} onChange={() => (setPicked(o.code), setNotice(''))} />
              {nafText(o.code, o.label)}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" className="secondary" onClick={add} disabled={!search}>
        Ajouter le secteur
      </button>
      <p className="hint" aria-live="polite">
        {notice}
      </p>
      {codes.length > 0 && (
        <ul className="chosen">
          {codes.map((c) => (
            <li key={c}>
              {nafText(c, labels[c])}{' '}
              <button type="button" className="small secondary" onClick={() => onChange(codes.filter((x) => x !== c))}>
                Retirer<span className="visually-hidden"> le secteur {c}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
