// Shared form parts: a visible label and hint on every field, the API's message next to the field it
// names (extensions.field), and an error summary at the top linking to each field (GOV.UK pattern).
import { useId, type MouseEvent, type ReactNode } from 'react';
import { sayField, type FieldErrors } from '../errors';

const fieldId = (name: string) => `champ-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The field an error names, matched to a form field: `budgetMax`, or `labels.2` → `labels`. */
const errorFor = (errors: FieldErrors, name: string): string | undefined => errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`) || k.startsWith(`${name}[`))?.[1];

/**
 * GOV.UK's error summary: « Il y a un problème », then each error as a link to its field. Forms call
 * focusErrorSummary() after a refused submit; a link focuses its field with the label in view.
 */
export function ErrorSummary({ errors, fields }: { errors: FieldErrors; fields: string[] }) {
  const titleId = useId();
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  const goTo = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    e.preventDefault();
    // A group (fieldset) takes focus on its first control; the label or legend is kept in view above the field.
    const control = target.matches('input, select, textarea') ? target : (target.querySelector<HTMLElement>('input, select, textarea') ?? target);
    (target.closest('.field') ?? target).scrollIntoView({ block: 'start' });
    control.focus({ preventScroll: true });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>Il y a un problème</h2>
      <ul>
        {entries.map(([field, message]) => {
          const known = fields.find((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
          const id = known ? fieldId(known) : '';
          // the field's label as the form shows it (its fields are on the page when an answer refuses them)
          const label = id ? document.getElementById(id)?.closest('[data-label]')?.getAttribute('data-label') : null;
          const said = sayField(message, label);
          return <li key={field || 'general'}>{known ? <a href={`#${id}`} onClick={(e) => goTo(e, id)}>{said}</a> : said}</li>;
        })}
      </ul>
    </div>
  );
}

/** After a refused submit: the page moves to the summary (the form's own, on a page of several forms), focused, so that it is read out first. */
export function focusErrorSummary(within: ParentNode | null = document, frames = 30): void {
  requestAnimationFrame(() => {
    const summary = (within ?? document).querySelector<HTMLElement>('.error-summary');
    // React may draw the refusal a frame or two after the answer came: wait for it, a few frames at most.
    if (!summary) return void (frames > 0 && focusErrorSummary(within, frames - 1));
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  });
}

interface Base {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  required?: boolean;
}

function Wrapper({ name, label, hint, errors = {}, required, children }: Base & { children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const id = fieldId(name);
  const error = errorFor(errors, name);
  const describedBy = [hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-error' : ''}`} data-label={label}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : <span className="optional"> (facultatif)</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-aide`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${id}-erreur`}>
          <span className="visually-hidden">Erreur : </span>
          {sayField(error)}
        </p>
      )}
      {children({ id, describedBy, invalid: !!error })}
    </div>
  );
}

export function TextField(props: Base & { value: string; onChange: (v: string) => void; type?: string; unit?: string; list?: string; autoComplete?: string; inputMode?: 'numeric' | 'decimal' | 'text' | 'email' }) {
  const { value, onChange, type = 'text', unit, list, autoComplete, inputMode } = props;
  return (
    <Wrapper {...props}>
      {({ id, describedBy, invalid }) => (
        <div className="input-row">
          <input
            id={id}
            name={props.name}
            type={type}
            value={value}
            list={list}
            autoComplete={autoComplete}
            inputMode={inputMode}
            required={props.required}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
          {unit && <span className="unit">{unit}</span>}
        </div>
      )}
    </Wrapper>
  );
}

export function TextArea(props: Base & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <Wrapper {...props}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} name={props.name} rows={props.rows ?? 4} value={props.value} required={props.required} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Wrapper>
  );
}

export function SelectField(props: Base & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; emptyLabel?: string }) {
  return (
    <Wrapper {...props}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={props.name} value={props.value} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => props.onChange(e.target.value)}>
          {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Wrapper>
  );
}

export function CheckboxGroup(props: Omit<Base, 'required'> & { values: string[]; onChange: (v: string[]) => void; options: { value: string; label: string }[]; children?: ReactNode }) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors ?? {}, props.name);
  return (
    <fieldset className={`field${error ? ' field-error' : ''}`} id={id} data-label={props.label} aria-describedby={error ? `${id}-erreur` : props.hint ? `${id}-aide` : undefined}>
      <legend>
        {props.label} <span className="optional">(facultatif)</span>
      </legend>
      {props.hint && (
        <p className="hint" id={`${id}-aide`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${id}-erreur`}>
          <span className="visually-hidden">Erreur : </span>
          {sayField(error)}
        </p>
      )}
      {props.children}
      <div className="checkboxes">
        {props.options.map((o) => {
          const checked = props.values.includes(o.value);
          return (
            <label key={o.value} className="checkbox">
              <input type="checkbox" name={props.name} value={o.value} checked={checked} onChange={() => props.onChange(checked ? props.values.filter((v) => v !== o.value) : [...props.values, o.value])} />
              {o.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
