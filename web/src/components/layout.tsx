// The frame of every console page: skip link, header with navigation and sign-out, the page's <h1> and title.
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { messageOf } from '../errors';
import { PendingCount } from './pending-count';
import { signOut, useSession } from '../session';

const NAV = [
  { href: '/besoins', label: 'Besoins à traiter' },
  { href: '/besoins/nouveau', label: 'Enregistrer un besoin' },
  { href: '/besoins/recherche', label: 'Tous les besoins' },
  { href: '/mises-en-relation', label: 'Mises en relation' },
  { href: '/structures', label: 'Structures' },
  { href: '/structures/a-valider', label: 'Modifications à valider', count: true },
  { href: '/imports', label: 'Imports' },
  { href: '/bilan', label: 'Bilan annuel' },
  { href: '/commande-publique', label: 'Commande publique' },
  { href: '/compte', label: 'Mon compte' },
];

/** Sets the document title ("… – Console Passerelle ESS") and moves focus to the heading on navigation. */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Console Passerelle ESS`;
  }, [title]);
  const [location] = useLocation();
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, [location]);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [location] = useLocation();
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="brand">
          Passerelle ESS <span>· Console des agents de la Métropole</span>
        </div>
        {session && (
          <nav aria-label="Navigation principale">
            <ul>
              {NAV.filter((n) => !session.publicBuyer || n.href === '/commande-publique').map((n) => (
                <li key={n.href}>
                  <Link href={n.href} aria-current={location === n.href ? 'page' : undefined}>
                    {n.label}
                    {'count' in n && <PendingCount />}
                  </Link>
                </li>
              ))}
            </ul>
            <AccountBox email={session.email} />
          </nav>
        )}
      </header>
      <main id="contenu">{children}</main>
    </>
  );
}

/** Who is signed in, and the button that signs out: the console's header and the public pages'. */
export function AccountBox({ email }: { email: string }) {
  return (
    <div className="account">
      <span>{email}</span>
      <button type="button" className="secondary" onClick={() => signOut('Vous êtes déconnecté·e.')}>
        Se déconnecter
      </button>
    </div>
  );
}

/** A short French status line while a query runs or when it fails. */
export function QueryState({ fetching, error }: { fetching: boolean; error?: { message: string; graphQLErrors: { message: string }[] } }) {
  if (error) return <p className="notice notice-error" role="alert">{messageOf(error)}</p>;
  if (fetching) return <p className="loading" role="status">Chargement…</p>;
  return null;
}
