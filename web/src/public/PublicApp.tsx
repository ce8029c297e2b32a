// The public pages' routes and frame: firms and structures, no account created for them.
import type { ReactNode } from 'react';
import { Link, Route, Switch } from 'wouter';
import { AccountBox } from '../components/layout';
import { PublicPage } from '../components/public-page';
import { LEGAL_PAGES } from '../../../api/reference/vocabulary';
import { useSession } from '../session';
import { Access, RequestLink } from './Access';
import { Home } from './Home';
import { MyNeeds } from './MyNeeds';
import { MySpend } from './MySpend';
import { MyIntroductions } from './MyIntroductions';
import { MyStructure } from './MyStructure';
import { MyStructureAccount } from './MyStructureAccount';
import { Structure } from './Structure';

function Frame({ children }: { children: ReactNode }) {
  const { session } = useSession();
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="brand">
          <Link href="/">Passerelle ESS</Link> <span>· Métropole Rouen Normandie</span>
        </div>
        <nav aria-label="Navigation principale">
          <ul>
            <li>
              <Link href="/">Annuaire et dépôt d’un besoin</Link>
            </li>
            {session?.role === 'COMPANY' && (
              <li>
                <Link href="/mes-besoins">Mes besoins</Link>
              </li>
            )}
            <li>{session?.role === 'SUPPLIER' ? <Link href="/ma-structure">Ma structure</Link> : session?.role === 'COMPANY' ? <Link href="/mes-achats">Mes achats</Link> : <Link href="/connexion">Recevoir un lien de connexion</Link>}</li>
          </ul>
          {session && <AccountBox email={session.email} />}
        </nav>
      </header>
      <main id="contenu">{children}</main>
      <footer className="site-footer">
        <nav aria-label="Informations légales">
          <ul>
            {/* Served by the server (their texts are settings): plain links, a full page load. */}
            {LEGAL_PAGES.map((p) => (
              <li key={p.path}>
                <a href={p.path}>{p.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </footer>
    </>
  );
}

export function PublicApp() {
  return (
    <Frame>
      <Switch>
        <Route path="/">
          <Home />
        </Route>
        <Route path="/connexion">
          <RequestLink />
        </Route>
        <Route path="/acces">
          <Access />
        </Route>
        <Route path="/ma-structure">
          <MyStructure />
        </Route>
        <Route path="/ma-structure/mises-en-relation">
          <MyIntroductions />
        </Route>
        <Route path="/ma-structure/compte">
          <MyStructureAccount />
        </Route>
        <Route path="/mes-besoins">
          <MyNeeds />
        </Route>
        <Route path="/mes-achats">
          <MySpend />
        </Route>
        <Route path="/structures/:slug">
          <Structure />
        </Route>
        <Route>
          <PublicPage title="Page introuvable">
            <p>
              Cette page n’existe pas. <Link href="/">Retour à l’accueil</Link>
            </p>
          </PublicPage>
        </Route>
      </Switch>
    </Frame>
  );
}
