// The officer's token, for this tab only (sessionStorage: gone when the tab closes; never localStorage, never a URL).
import { useSyncExternalStore } from 'react';

const KEY = 'passerelle.session';

export interface Session {
  token: string;
  email: string;
  role: string;
  /** A public buyer's user: the console shows it its public contracts only. */
  publicBuyer?: boolean;
}

type State = { session: Session | null; notice: string | null };

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let state: State = { session: read(), notice: null };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  state = { session, notice: null };
  emit();
}

/** Forgets the token; `notice` is shown on the sign-in page (e.g. why the officer was signed out). */
export function signOut(notice: string | null = null): void {
  sessionStorage.removeItem(KEY);
  state = { session: null, notice };
  emit();
}

export const currentToken = (): string | null => state.session?.token ?? null;

export function useSession(): State {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Where a signed-in user lands: officers on the needs to deal with, a public buyer's user on its contracts. */
export const homeOf = (session: Session): string => (session.publicBuyer ? '/commande-publique' : '/besoins');
