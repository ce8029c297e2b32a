import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorSummary, TextField } from '../components/fields';
import { Page } from '../components/layout';
import { errorsOf } from '../errors';
import { graphql } from '../gql';
import { signIn, useSession } from '../session';

const Login = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user {
        id
        email
        role
        organisation {
          kind
        }
      }
    }
  }
`);

export function SignIn() {
  const { notice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const [result, login] = useMutation(Login);
  const errors = errorsOf(result.error);
  if (refused) errors[''] = refused;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setRefused(null);
    const res = await login({ email, password });
    const payload = res.data?.login;
    if (!payload) return;
    // A public buyer's users come in for their own public contracts only (the API scopes every answer).
    const publicBuyer = payload.user.organisation?.kind === 'PUBLIC_BUYER';
    if (payload.user.role !== 'OFFICER' && payload.user.role !== 'ADMIN' && !publicBuyer) {
      setRefused('La console est réservée aux agents de la Métropole : ce compte n’en est pas un.');
      return;
    }
    signIn({ token: payload.token, email: payload.user.email, role: payload.user.role, ...(publicBuyer ? { publicBuyer } : {}) });
  }

  return (
    <Page title="Connexion">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form className="form narrow" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={['email', 'password']} />
        <TextField name="email" label="Adresse électronique" type="email" autoComplete="username" required value={email} onChange={setEmail} errors={errors} />
        <TextField name="password" label="Mot de passe" type="password" autoComplete="current-password" required value={password} onChange={setPassword} errors={errors} />
        <button type="submit" disabled={result.fetching}>
          Se connecter
        </button>
      </form>
    </Page>
  );
}
