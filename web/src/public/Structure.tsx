// A structure's public page (/structures/<slug>), the stable link the Métropole's website gives: what
// it does, where it works (a map drawn by the server, no tile from another host), its labels, and
// « Contacter via la Métropole », which opens the need form addressed to it.
import { useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { PUBLIC_STRUCTURE } from '../../../graphql/public-operations';
import { structureKindFr } from '../../../api/reference/vocabulary';
import { AS_GET } from '../client';
import { ServiceTags, WebsiteLink, type CardData } from '../components/directory-card';
import { QueryState } from '../components/layout';
import { PublicPage } from '../components/public-page';
/** What the card shows, and the rest of the page. */
interface StructureData {
  supplierBySlug: (Omit<CardData, 'communeName' | 'completeness'> & { slug: string; employees: number | null; commune: { code: string; name: string } }) | null;
}

export function Structure() {
  const { slug } = useParams<{ slug: string }>();
  const [{ data, fetching, error }] = useQuery<StructureData>({ query: PUBLIC_STRUCTURE, variables: { slug }, context: AS_GET });
  const s = data?.supplierBySlug;
  if (!s) {
    return (
      <PublicPage title={data ? 'Structure introuvable' : 'Fiche d’une structure'}>
        <QueryState fetching={fetching} error={error} />
        {data && (
          <p>
            Cette structure ne figure pas (ou plus) dans l’annuaire. <Link href="/">Rechercher dans l’annuaire</Link>
          </p>
        )}
      </PublicPage>
    );
  }
  const reach = s.interventionRadiusKm != null ? `Basée à ${s.commune.name}, elle intervient jusqu’à ${s.interventionRadiusKm} km autour.` : `Basée à ${s.commune.name}.`;
  return (
    <PublicPage title={s.name}>
      <article className="structure-page">
        <p className="meta">
          {structureKindFr(s)} · {s.commune.name}
          {s.employees != null ? ` · ${s.employees} salarié${s.employees > 1 ? 's' : ''}` : ''}
        </p>
        <section aria-labelledby="ce-qu-elle-fait">
          <h2 id="ce-qu-elle-fait">Ce qu’elle fait</h2>
          {s.description.trim() ? <p className="description">{s.description}</p> : <p>La structure n’a pas encore décrit son activité.</p>}
          <ServiceTags services={s.services} />
          <WebsiteLink name={s.name} website={s.website} />
        </section>
        <section aria-labelledby="ou-elle-intervient">
          <h2 id="ou-elle-intervient">Où elle intervient</h2>
          <p>{reach}</p>
          <img className="structure-map" src={`/structures/${s.slug}/carte.svg`} alt={`Carte de la Métropole Rouen Normandie : ${reach}`} width={480} height={360} />
        </section>
        <section aria-labelledby="labels">
          <h2 id="labels">Ses labels</h2>
          {s.labels.length > 0 ? (
            <ul>
              {s.labels.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : (
            <p>Aucun label déclaré.</p>
          )}
        </section>
        <section aria-labelledby="contacter">
          <h2 id="contacter">Travailler avec elle</h2>
          <p>Décrivez votre besoin : la Métropole le lit, vous présente cette structure si elle peut y répondre, et d’autres structures de l’ESS au besoin. Le service est gratuit, sans compte.</p>
          <p>
            <a className="button" href={`/?structure=${encodeURIComponent(s.slug)}#deposer`}>
              Contacter via la Métropole
            </a>
          </p>
        </section>
      </article>
    </PublicPage>
  );
}
