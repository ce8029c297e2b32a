import { Page } from '../components/layout';

export function NeedMatches() {
  return (
    <Page title="Structures proposées">
      <p>En cours de construction.</p>
    </Page>
  );
}
