import { Page } from '../components/layout';

export function ShortlistPage() {
  return (
    <Page title="Liste de structures">
      <p>En cours de construction.</p>
    </Page>
  );
}
