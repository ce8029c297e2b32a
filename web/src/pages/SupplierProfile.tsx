// A structure's full profile; edit it or take it out of the directory on its behalf.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation, useParams } from 'wouter';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../../../api/reference/vocabulary';
import { DeclarationDecision } from '../components/declaration';
import { Page, QueryState } from '../components/layout';
import { StructureUsers } from '../components/structure-users';
import { SupplierQuery } from '../components/supplier-query';
import { NafCodeList } from '../components/pickers';
import { messageOf } from '../errors';
import { formatEuros } from '../format';
import { graphql } from '../gql';

const Delete = graphql(`
  mutation DeleteSupplier($id: ID!) {
    deleteSupplier(id: $id)
  }
`);

export function SupplierProfile() {
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  const [{ data, fetching, error }] = useQuery({ query: SupplierQuery, variables: { id } });
  const [removal, remove] = useMutation(Delete);
  const [confirming, setConfirming] = useState(false);
  const s = data?.supplier;

  async function confirmDelete() {
    const res = await remove({ id });
    if (res.data?.deleteSupplier) navigate('/structures');
  }

  return (
    <Page title={s ? `Structure : ${s.name}` : 'Structure'}>
      <QueryState fetching={fetching && !data} error={error} />
      {data && !s && <p>Cette structure n’existe pas ou a été retirée de l’annuaire.</p>}
      {s && (
        <>
          <dl className="profile">
            <dt>Nom</dt>
            <dd>{s.name}</dd>
            <dt>SIRET</dt>
            <dd>{s.siret ?? '—'}</dd>
            <dt>Statut</dt>
            <dd>{LEGAL_FORM_FR[s.legalForm]}</dd>
            <dt>Inclusion</dt>
            <dd>{s.inclusionKind ? INCLUSION_KIND_FR[s.inclusionKind] : '—'}</dd>
            <dt>Commune</dt>
            <dd>
              {s.commune.name} ({s.commune.code})
            </dd>
            <dt>Rayon d’intervention</dt>
            <dd>{s.interventionRadiusKm != null ? `${s.interventionRadiusKm} km` : '—'}</dd>
            <dt>Salariés</dt>
            <dd>{s.employees ?? '—'}</dd>
            <dt>Marché maximal</dt>
            <dd>{s.maxContractValue != null ? formatEuros(s.maxContractValue) : '—'}</dd>
            <dt>Secteurs (NAF)</dt>
            <dd><NafCodeList codes={s.nafCodes} /></dd>
            <dt>Prestations</dt>
            <dd>{s.services.join(' · ') || '—'}</dd>
            <dt>Labels</dt>
            <dd>{s.labels.join(', ') || '—'}</dd>
            <dt>Contact</dt>
            <dd>{s.contactEmail ?? '—'}</dd>
            <dt>Site web</dt>
            <dd>{s.website ?? '—'}</dd>
          </dl>
          {s.pendingChanges && (
            <section aria-labelledby="declaration">
              <h2 id="declaration">Déclaration à valider</h2>
              <DeclarationDecision supplier={s} />
            </section>
          )}
          <h2>Présentation</h2>
          <p className="description">{s.description}</p>
          <div className="actions">
            <Link className="button" href={`/structures/${s.id}/modifier`}>
              Modifier la fiche
            </Link>
            {!confirming ? (
              <button type="button" className="danger" onClick={() => setConfirming(true)}>
                Retirer de l’annuaire
              </button>
            ) : (
              <div role="group" aria-label="Confirmer le retrait" className="notice notice-error">
                <p>Retirer « {s.name} » de l’annuaire et des propositions ? Les mises en relation passées la gardent, anonymisée, pour le bilan.</p>
                <div className="actions">
                  <button type="button" className="danger" onClick={confirmDelete} disabled={removal.fetching}>
                    Confirmer le retrait
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                    Annuler
                  </button>
                </div>
              </div>
            )}
          </div>
          {removal.error && <p className="notice notice-error" role="alert">{messageOf(removal.error)}</p>}
          <StructureUsers supplierId={s.id} />
        </>
      )}
    </Page>
  );
}
