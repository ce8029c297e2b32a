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

/** Commune chosen by name: "Rouen (76540)" from the list, or a code typed as it is. */
export function CommuneField({ name, label, code, initialName, onChange, errors, required }: { name: string; label: string; code: string; initialName?: string; onChange: (code: string) => void; errors: FieldErrors; required?: boolean }) {
  const [text, setText] = useState(code ? (initialName ? `${initialName} (${code})` : code) : '');
  const search = text.replace(/\s*\([^)]*\)?$/, '').trim();
  const [metropole] = useQuery({ query: Metropole });
  const [found] = useQuery({ query: Communes, variables: { search }, pause: search.length < 2 });
  const options: CommuneOption[] = search.length >= 2 && found.data ? found.data.communes : (metropole.data?.metropoleCommunes ?? []);

  useEffect(() => {
    const picked = /\((\w{5})\)$/.exec(text.trim())?.[1] ?? INSEE.exec(text.trim())?.[1] ?? options.find((o) => o.name.toLowerCase() === text.trim().toLowerCase())?.code ?? '';
    if (picked.toUpperCase() !== code) onChange(picked.toUpperCase());
  }, [text, options, code, onChange]);

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

/** NAF sub-classes chosen by their label, added one at a time, each removable. */
export function NafField({ name, codes, onChange, errors }: { name: string; codes: string[]; onChange: (codes: string[]) => void; errors: FieldErrors }) {
  const [text, setText] = useState('');
  const search = text.replace(/\s+—.*$/, '').trim();
  const [found] = useQuery({ query: NafSearch, variables: { search }, pause: search.length < 2 });
  const options = found.data?.nafCodes ?? [];
  const [labels, setLabels] = useState<Record<string, string>>({});
  const listId = `liste-${name}`;

  function add() {
    const typed = /^(\d{2}\.?\d{2}[A-Z])/i.exec(text.trim())?.[1];
    const code = typed ? (typed.includes('.') ? typed : `${typed.slice(0, 2)}.${typed.slice(2)}`).toUpperCase() : options[0]?.code;
    if (!code) return;
    const label = options.find((o) => o.code === code)?.label;
    if (label) setLabels({ ...labels, [code]: label });
    if (!codes.includes(code)) onChange([...codes, code]);
    setText('');
  }

  return (
    <div className="naf-field">
      <TextField name={name} label="Secteurs d’activité (NAF)" hint="Tapez un mot du secteur (par exemple « paysager ») ou son code, choisissez-le, puis « Ajouter le secteur »." value={text} onChange={setText} list={listId} autoComplete="off" errors={errors} />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.code} value={`${o.code} — ${o.label}`} />
        ))}
      </datalist>
      <button type="button" className="secondary" onClick={add} disabled={!text.trim()}>
        Ajouter le secteur
      </button>
      {codes.length > 0 && (
        <ul className="chosen">
          {codes.map((c) => (
            <li key={c}>
              {c}
              {labels[c] ? ` — ${labels[c]}` : ''}{' '}
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
