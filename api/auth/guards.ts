// Who is asking, and the checks every domain operation starts with.
import { forbidden, unauthenticated } from '../errors';
import type { Role, UserRecord } from '../store/types';

export interface Viewer {
  userId: string;
  email: string;
  role: Role;
  organisationId: string | null;
}

export const viewerOf = (user: UserRecord): Viewer => ({
  userId: user.id,
  email: user.email,
  role: user.role,
  organisationId: user.organisationId,
});

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const v = requireViewer(viewer);
  if (!roles.includes(v.role)) throw forbidden();
  return v;
}

/** The Métropole's officers and the service's admins. */
export const STAFF = ['OFFICER', 'ADMIN'] as const;

export const isStaff = (viewer: Viewer | null): boolean => viewer?.role === 'OFFICER' || viewer?.role === 'ADMIN';

/** Staff, or a user of the organisation that owns the thing. */
export const canSeePrivate = (viewer: Viewer | null, organisationId: string | null): boolean =>
  isStaff(viewer) || (viewer !== null && organisationId !== null && viewer.organisationId === organisationId);
