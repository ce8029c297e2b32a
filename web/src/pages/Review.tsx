import { Page } from '../components/layout';

export function Review() {
  return (
    <Page title="Bilan annuel">
      <p>En cours de construction.</p>
    </Page>
  );
}
