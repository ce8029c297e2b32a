// Every route of the web app, in one place. Pages that need a signed-in officer are wrapped in <Officer>.
import { lazy, Suspense, type ComponentType } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Layout, Page } from './components/layout';
import { homeOf, useSession } from './session';
import { SignIn } from './pages/SignIn';
import { NeedsAwaiting } from './pages/NeedsAwaiting';
import { NeedForm } from './pages/NeedForm';
import { NeedMatches } from './pages/NeedMatches';
import { NeedSearch } from './pages/NeedSearch';
import { ShortlistPage } from './pages/Shortlist';
import { Introductions } from './pages/Introductions';
import { Suppliers } from './pages/Suppliers';
import { SupplierProfile } from './pages/SupplierProfile';
import { SupplierEdit } from './pages/SupplierEdit';
import { Campaign } from './pages/Campaign';
import { Declarations } from './pages/Declarations';
import { Imports } from './pages/Imports';
import { PublicContracts } from './pages/PublicContracts';
import { MyAccount } from './pages/MyAccount';

// Chart.js only loads with the yearly review.
const Review = lazy(() => import('./pages/Review').then((m) => ({ default: m.Review })));
const OrganisationSpend = lazy(() => import('./pages/OrganisationSpend').then((m) => ({ default: m.OrganisationSpend })));

/** Officer pages: the sign-in page stands in for them until the officer is signed in. */
function Officer({ page: Component }: { page: ComponentType }) {
  const { session } = useSession();
  if (!session) return <SignIn />;
  return <Component />;
}

export const ROUTES: { path: string; page: ComponentType }[] = [
  { path: '/besoins', page: NeedsAwaiting },
  { path: '/besoins/nouveau', page: NeedForm },
  { path: '/besoins/recherche', page: NeedSearch },
  { path: '/besoins/:id/modifier', page: NeedForm },
  { path: '/besoins/:id', page: NeedMatches },
  { path: '/listes/:id', page: ShortlistPage },
  { path: '/mises-en-relation', page: Introductions },
  { path: '/structures', page: Suppliers },
  { path: '/structures/nouvelle', page: SupplierEdit },
  { path: '/structures/campagne', page: Campaign },
  { path: '/structures/a-valider', page: Declarations },
  { path: '/structures/:id/modifier', page: SupplierEdit },
  { path: '/structures/:id', page: SupplierProfile },
  { path: '/imports', page: Imports },
  { path: '/bilan', page: Review },
  { path: '/commande-publique', page: PublicContracts },
  { path: '/organisations/:id/achats', page: OrganisationSpend },
  { path: '/compte', page: MyAccount },
];

function NotFound() {
  return (
    <Page title="Page introuvable">
      <p>Cette page n’existe pas dans la console.</p>
    </Page>
  );
}

export function App() {
  const { session } = useSession();
  return (
    <Layout>
      <Suspense fallback={<p role="status">Chargement…</p>}>
        <Switch>
          <Route path="/">{session ? <Redirect to={homeOf(session)} replace /> : <SignIn />}</Route>
          <Route path="/connexion">{session ? <Redirect to={homeOf(session)} replace /> : <SignIn />}</Route>
          {ROUTES.map((r) => (
            <Route key={r.path} path={r.path}>
              <Officer page={r.page} />
            </Route>
          ))}
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </Layout>
  );
}
