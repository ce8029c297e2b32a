import { Page } from '../components/layout';

export function Suppliers() {
  return (
    <Page title="Structures">
      <p>En cours de construction.</p>
    </Page>
  );
}
