// A structure's account: every follow-up switched off or back on, its data exported, its account deleted
// after a confirmation (the API's exportMyData and deleteMyAccount).
import { useEffect, useRef, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { QueryState } from '../components/layout';
import { StructureSpacePage } from '../components/structure-space';
import { messageOf } from '../errors';
import { graphql } from '../gql';
import { signOut, useSession } from '../session';

const Mine = graphql(`
  query MyStructureAccount {
    me {
      supplier {
        id
        followUpsOff
      }
    }
  }
`);

const SetFollowUps = graphql(`
  mutation SetMyFollowUps($enabled: Boolean!) {
    setMyFollowUps(enabled: $enabled) {
      id
      followUpsOff
    }
  }
`);

const Export = graphql(`
  query ExportMyStructureData {
    exportMyData
  }
`);

const Delete = graphql(`
  mutation DeleteMyStructureAccount {
    deleteMyAccount(confirm: true)
  }
`);

export function MyStructureAccount() {
  const { session } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: Mine, pause: !session, requestPolicy: 'network-only' });
  const supplier = data?.me?.supplier;
  return (
    <StructureSpacePage title="Relances, données et compte">
      <QueryState fetching={fetching && !data} error={error} />
      {data && !supplier && <p>Aucune fiche de l’annuaire n’est rattachée à votre compte. Écrivez à la Métropole pour en créer une.</p>}
      {supplier && (
        <>
          <FollowUps off={supplier.followUpsOff ?? false} />
          <DataExport />
          <AccountDeletion />
        </>
      )}
    </StructureSpacePage>
  );
}

function FollowUps({ off }: { off: boolean }) {
  const [result, set] = useMutation(SetFollowUps);
  const [changed, setChanged] = useState(false);
  // What the API last said: while a change is on its way the page keeps saying what holds (the
  // mutation's state has no data then, which showed the page's first value for a moment).
  const [current, setCurrent] = useState(off);
  return (
    <section aria-labelledby="relances">
      <h2 id="relances">Relances</h2>
      <p className="follow-ups-state" role={changed ? 'status' : undefined}>
        {current
          ? 'Vous ne recevez plus aucune relance au sujet de vos mises en relation. Les nouvelles mises en relation vous parviennent toujours.'
          : 'Quand vous n’avez pas répondu à une mise en relation, Passerelle ESS vous le rappelle une fois, puis une dernière.'}
      </p>
      {result.error && <p className="notice notice-error" role="alert">{messageOf(result.error)}</p>}
      <button
        type="button"
        className="secondary"
        disabled={result.fetching}
        onClick={async () => {
          setChanged(false);
          const answer = (await set({ enabled: current })).data;
          if (answer) {
            setCurrent(answer.setMyFollowUps.followUpsOff ?? false);
            setChanged(true);
          }
        }}
      >
        {current ? 'Recevoir de nouveau les relances' : 'Ne plus recevoir de relance'}
      </button>
    </section>
  );
}

function DataExport() {
  const client = useClient();
  const [file, setFile] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <section aria-labelledby="donnees">
      <h2 id="donnees">Vos données</h2>
      <p>Tout ce que Passerelle ESS garde de votre compte et de votre structure (fiche, mises en relation, réponses), en un fichier JSON.</p>
      {failure && <p className="notice notice-error" role="alert">{failure}</p>}
      {file ? (
        <p role="status">
          <a href={file} download="mes-donnees-passerelle-ess.json">
            Télécharger le fichier de vos données (JSON)
          </a>
        </p>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            const res = await client.query(Export, {}, { requestPolicy: 'network-only' }).toPromise();
            if (res.data) setFile(URL.createObjectURL(new Blob([res.data.exportMyData], { type: 'application/json' })));
            else setFailure(messageOf(res.error));
          }}
        >
          Préparer le fichier de mes données
        </button>
      )}
    </section>
  );
}

function AccountDeletion() {
  const [asked, setAsked] = useState(false);
  const [result, remove] = useMutation(Delete);
  const [, navigate] = useLocation();
  // The button pressed disappears either way: focus goes to the question, and back to the first button on « Annuler ».
  const question = useRef<HTMLParagraphElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) (asked ? question : askButton).current?.focus();
    moved.current = false;
  }, [asked]);
  const ask = (value: boolean) => {
    moved.current = true;
    setAsked(value);
  };
  return (
    <section aria-labelledby="suppression">
      <h2 id="suppression">Supprimer le compte</h2>
      <p>La fiche de votre structure quitte l’annuaire et votre compte est supprimé. Les mises en relation passées restent, sans votre nom, pour les statistiques de la Métropole.</p>
      {!asked ? (
        <button type="button" className="secondary" ref={askButton} onClick={() => ask(true)}>
          Supprimer mon compte…
        </button>
      ) : (
        <div className="notice notice-error" role="group" aria-labelledby="confirmer-suppression">
          <p id="confirmer-suppression" ref={question} tabIndex={-1}>
            <strong>Confirmez-vous la suppression ?</strong> Elle ne peut pas être annulée.
          </p>
          {result.error && <p role="alert">{messageOf(result.error)}</p>}
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={result.fetching}
              onClick={async () => {
                if ((await remove({})).data?.deleteMyAccount) {
                  signOut('Votre compte et la fiche de votre structure sont supprimés.');
                  navigate('/');
                }
              }}
            >
              Supprimer définitivement
            </button>
            <button type="button" className="secondary" onClick={() => ask(false)}>
              Annuler
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
