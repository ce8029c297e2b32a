import { Page } from '../components/layout';

export function SupplierProfile() {
  return (
    <Page title="Structure">
      <p>En cours de construction.</p>
    </Page>
  );
}
