import { Page } from '../components/layout';

export function Introductions() {
  return (
    <Page title="Mises en relation">
      <p>En cours de construction.</p>
    </Page>
  );
}
