// One structure as the public directory shows it: public fields only (never a contact address).
import { INCLUSION_KIND_FR, LEGAL_FORM_FR, ofName } from '../../../api/reference/vocabulary';
import type { InclusionKind, LegalForm } from '../gql/graphql';

export interface CardData {
  name: string;
  legalForm: LegalForm;
  inclusionKind: InclusionKind | null;
  description: string;
  services: string[];
  labels: string[];
  communeName: string;
  interventionRadiusKm: number | null;
  website: string | null;
  /** Absent for a preview of a profile being edited; below 100 the card says the profile is being completed. */
  completeness?: { percent: number };
}

const MAX_DESCRIPTION = 280;
const shorten = (text: string) => (text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : text);
/** Only web addresses become links (a javascript: URL stays text). */
const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/** A structure's services as tags (the card shows the first six, its page all of them). */
export function ServiceTags({ services }: { services: string[] }) {
  if (services.length === 0) return null;
  return (
    <ul className="tags" aria-label="Prestations">
      {services.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}

export function WebsiteLink({ name, website }: { name: string; website: string | null }) {
  const url = safeUrl(website);
  if (!url) return null;
  return (
    <p>
      <a href={url} rel="noopener noreferrer nofollow">
        Site web {ofName(name)}
      </a>
    </p>
  );
}

/** `href`: the structure's public page, linked from its name. */
export function DirectoryCard({ s, headingLevel = 3, href, linkTarget }: { s: CardData; headingLevel?: 2 | 3; href?: string; linkTarget?: '_top' }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const name = s.name || 'Nom de la structure';
  return (
    <article className="card directory-card">
      <Heading>
        {href ? (
          <a href={href} target={linkTarget}>
            {name}
          </a>
        ) : (
          name
        )}
      </Heading>
      <p className="meta">
        {LEGAL_FORM_FR[s.legalForm]}
        {s.inclusionKind ? ` · ${INCLUSION_KIND_FR[s.inclusionKind]}` : ''} · {s.communeName || 'Commune'}
        {s.interventionRadiusKm != null ? ` · intervient à ${s.interventionRadiusKm} km` : ''}
      </p>
      {s.description.trim() && <p className="description">{shorten(s.description)}</p>}
      {s.completeness && s.completeness.percent < 100 && <p className="meta completing">Fiche en cours de complétion</p>}
      <ServiceTags services={s.services.slice(0, 6)} />
      {s.labels.length > 0 && <p className="meta">Labels : {s.labels.join(', ')}</p>}
      <WebsiteLink name={s.name} website={s.website} />
    </article>
  );
}
