import { Page } from '../components/layout';

export function SupplierEdit() {
  return (
    <Page title="Fiche structure">
      <p>En cours de construction.</p>
    </Page>
  );
}
