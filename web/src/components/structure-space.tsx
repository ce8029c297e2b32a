// The frame of a structure's space: its pages under /ma-structure with their local navigation, and
// what a visitor who is not signed in as a structure reads instead.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../session';
import { PublicPage } from './public-page';

const SECTIONS = [
  { href: '/ma-structure', label: 'Ma fiche' },
  { href: '/ma-structure/mises-en-relation', label: 'Mises en relation reçues' },
  { href: '/ma-structure/compte', label: 'Relances, données et compte' },
];

/** The space's local navigation; the current page is marked for assistive technology. */
export function StructureNav() {
  const [location] = useLocation();
  return (
    <nav className="local-nav" aria-label="Espace de la structure">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={location === s.href ? 'page' : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page of the space: signed in, its title, the local navigation, then the page. */
export function StructureSpacePage({ title, children }: { title: string; children: ReactNode }) {
  const { session } = useSession();
  if (!session) {
    return (
      <PublicPage title={title}>
        <p>
          Pour ouvrir l’espace de votre structure, <Link href="/connexion">recevez un lien de connexion</Link> à l’adresse de contact de sa fiche.
        </p>
      </PublicPage>
    );
  }
  return (
    <PublicPage title={title}>
      <StructureNav />
      {children}
    </PublicPage>
  );
}
