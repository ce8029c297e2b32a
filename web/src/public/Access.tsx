// Sign-in links: ask for one (/connexion), and follow one (/acces?jeton=…). Opening the link changes
// nothing (mail scanners open every link): the person presses "Me connecter", which spends the token.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorSummary, TextField } from '../components/fields';
import { PublicPage } from '../components/public-page';
import { errorsOf, messageOf } from '../errors';
import { signIn, useSession } from '../session';
import { PasswordSignIn, spaceOf } from '../components/password-sign-in';

const REQUEST = `mutation PublicRequestAccessLink($email: String!) { requestAccessLink(email: $email) }`;
const SIGN_IN = `mutation PublicSignInWithLink($token: String!) { signInWithLink(token: $token) { token user { email role } } }`;

export function RequestLink() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [result, request] = useMutation<{ requestAccessLink: boolean }>(REQUEST);
  const { notice } = useSession();
  const errors = errorsOf(result.error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await request({ email });
    if (res.data) setSent(email);
    else requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());
  }

  return (
    <PublicPage title="Recevoir un lien de connexion">
      {notice && <p className="notice">{notice}</p>}
      <p>Structure de l’annuaire, entreprise ou partenaire : saisissez votre adresse, nous vous envoyons un lien pour vous connecter sans mot de passe. Une structure utilise l’adresse de contact de sa fiche.</p>
      {sent && (
        <p className="notice notice-ok" role="status">
          Si l’adresse <strong>{sent}</strong> est connue du service, un lien de connexion vient d’y être envoyé. Il est valable 30 minutes et ne sert qu’une fois. Pour protéger votre messagerie, une même adresse reçoit au plus trois liens par quart d’heure : si rien n’arrive, utilisez le dernier lien reçu ou réessayez un peu plus tard.
        </p>
      )}
      <form className="form narrow" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={['email']} />
        <TextField name="email" label="Adresse électronique" required type="email" autoComplete="email" value={email} onChange={setEmail} errors={errors} />
        <div className="actions">
          <button type="submit" disabled={result.fetching}>
            Recevoir un lien de connexion
          </button>
        </div>
      </form>
      <PasswordSignIn />
    </PublicPage>
  );
}

export function Access() {
  const token = new URLSearchParams(useSearch()).get('jeton') ?? '';
  const [, navigate] = useLocation();
  const [result, signInWith] = useMutation<{ signInWithLink: { token: string; user: { email: string; role: string } } }>(SIGN_IN);
  const refused = result.error ? messageOf(result.error) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await signInWith({ token });
    if (!res.data) return;
    const { token: session, user } = res.data.signInWithLink;
    signIn({ token: session, email: user.email, role: user.role });
    // The spent token leaves the address bar and the history.
    navigate(spaceOf(user.role), { replace: true });
  }

  if (!token) {
    return (
      <PublicPage title="Lien de connexion incomplet">
        <p>
          Ce lien ne contient pas de jeton de connexion. <Link href="/connexion">Demandez un nouveau lien</Link>.
        </p>
      </PublicPage>
    );
  }
  return (
    <PublicPage title="Vous connecter">
      <p>Ce lien vous a été envoyé par courriel. Il ne sert qu’une fois, dans le délai que le courriel indique.</p>
      {refused && (
        <p className="notice notice-error" role="alert">
          {refused} <Link href="/connexion">Demander un nouveau lien</Link>
        </p>
      )}
      <form onSubmit={submit}>
        <button type="submit" disabled={result.fetching}>
          Me connecter
        </button>
      </form>
    </PublicPage>
  );
}
