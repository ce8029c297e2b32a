// « Mon compte » : an officer's own settings; for now, the daily digest mail (off until asked for).
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Page, QueryState } from '../components/layout';
import { messageOf } from '../errors';
import { graphql } from '../gql';

const Mine = graphql(`
  query MyOfficerAccount {
    me {
      id
      email
      dailyDigest
    }
  }
`);

const SetDigest = graphql(`
  mutation SetDailyDigest($enabled: Boolean!) {
    setDailyDigest(enabled: $enabled) {
      id
      dailyDigest
    }
  }
`);

export function MyAccount() {
  const [{ data, fetching, error }] = useQuery({ query: Mine, requestPolicy: 'network-only' });
  const [result, set] = useMutation(SetDigest);
  const [saved, setSaved] = useState<boolean | null>(null);
  const on = result.data?.setDailyDigest.dailyDigest ?? data?.me?.dailyDigest ?? false;
  return (
    <Page title="Mon compte">
      <QueryState fetching={fetching && !data} error={error} />
      {data?.me && (
        <section aria-labelledby="recapitulatif">
          <h2 id="recapitulatif">Récapitulatif quotidien</h2>
          <p>
            Chaque matin à 7 h, un courriel à {data.me.email} : les nouveaux besoins en attente d’une liste, les courriels en échec, les modifications à valider et les réponses des
            structures arrivés depuis la veille. Aucun courriel les jours sans nouveauté.
          </p>
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={on}
                disabled={result.fetching}
                onChange={async (e) => {
                  setSaved(null);
                  const res = await set({ enabled: e.target.checked });
                  if (res.data) setSaved(res.data.setDailyDigest.dailyDigest ?? false);
                }}
              />{' '}
              Recevoir le récapitulatif quotidien par courriel
            </label>
          </div>
          {saved !== null && (
            <p className="notice notice-ok" role="status">
              {saved ? 'C’est noté : vous recevrez le récapitulatif chaque matin où il y a du nouveau.' : 'C’est noté : vous ne recevrez plus le récapitulatif.'}
            </p>
          )}
          {result.error && (
            <p className="notice notice-error" role="alert">
              {messageOf(result.error)}
            </p>
          )}
        </section>
      )}
    </Page>
  );
}
