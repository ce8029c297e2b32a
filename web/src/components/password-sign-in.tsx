// The firms and structures that have a password sign in with it on /connexion, beside the link; each
// lands on its space. The API answers one French sentence for an unknown address and a wrong password.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { ErrorSummary, focusErrorSummary, TextField } from './fields';
import { errorsOf } from '../errors';
import { graphql } from '../gql';
import { signIn } from '../session';

const PublicLogin = graphql(`
  mutation PublicLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user {
        email
        role
      }
    }
  }
`);

/** Where each kind of account finds what it came for on the public site. */
export const spaceOf = (role: string): string => (role === 'SUPPLIER' ? '/ma-structure' : role === 'COMPANY' ? '/mes-besoins' : '/');

export function PasswordSignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(PublicLogin);
  const [, navigate] = useLocation();
  const errors = errorsOf(result.error);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const res = await login({ email, password });
    if (!res.data) return focusErrorSummary(form);
    const { token, user } = res.data.login;
    signIn({ token, email: user.email, role: user.role });
    navigate(spaceOf(user.role));
  }

  return (
    <section id="mot-de-passe" aria-labelledby="mot-de-passe-titre">
      <h2 id="mot-de-passe-titre">Vous avez un mot de passe ?</h2>
      <form className="form narrow" onSubmit={submit} noValidate aria-label="Connexion avec un mot de passe">
        <ErrorSummary errors={errors} fields={['login-email', 'login-password']} />
        <TextField name="login-email" label="Adresse électronique du compte" required type="email" autoComplete="username" value={email} onChange={setEmail} errors={errors} />
        <TextField name="login-password" label="Mot de passe" required type="password" autoComplete="current-password" value={password} onChange={setPassword} errors={errors} />
        <div className="actions">
          <button type="submit" disabled={result.fetching}>
            Me connecter
          </button>
        </div>
      </form>
    </section>
  );
}
