import { Page } from '../components/layout';

export function NeedForm() {
  return (
    <Page title="Enregistrer un besoin">
      <p>En cours de construction.</p>
    </Page>
  );
}
