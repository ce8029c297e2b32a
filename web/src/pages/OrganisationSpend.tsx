// The console's view of an organisation's spend analyses: an officer sends a file on its behalf and reads the results.
import { useParams } from 'wouter';
import { Page } from '../components/layout';
import { SpendAnalyses } from '../components/spend';

export function OrganisationSpend() {
  const { id } = useParams<{ id: string }>();
  return (
    <Page title="Achats de l’organisation auprès de l’ESS">
      <SpendAnalyses organisationId={id} />
    </Page>
  );
}
