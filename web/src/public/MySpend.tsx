// A firm's spend with the ESS (/mes-achats): its own organisation's analyses, for its users only.
import { Link } from 'wouter';
import { PublicPage } from '../components/public-page';
import { SpendAnalyses } from '../components/spend';
import { useSession } from '../session';

export function MySpend() {
  const { session } = useSession();
  return (
    <PublicPage title="Mes achats auprès de l’ESS">
      {session?.role === 'COMPANY' ? (
        <>
          <p>Envoyez le fichier de vos dépenses par fournisseur : la part de vos achats auprès de l’ESS, des SIAE et du secteur protégé, et les structures de l’annuaire capables de répondre là où l’ESS est absente.</p>
          <SpendAnalyses />
        </>
      ) : (
        <p>
          Cette page est réservée aux entreprises et aux acheteurs : <Link href="/connexion">recevez un lien de connexion</Link> à l’adresse de votre compte.
        </p>
      )}
    </PublicPage>
  );
}
