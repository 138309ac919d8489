import { randomBytes } from 'node:crypto';
import type { OperatorDto, Role } from '../../shared/contract';

export interface Session {
  token: string;
  operatorId: string;
  username: string;
  displayName: string;
  role: Role;
  createdAt: Date;
}

/** Logged-in sessions, in memory: a restart logs everyone out, which is what a desk expects. */
export class SessionStore {
  private readonly byToken = new Map<string, Session>();

  open(operator: OperatorDto, now: Date): Session {
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      operatorId: operator.id,
      username: operator.username,
      displayName: operator.displayName,
      role: operator.role,
      createdAt: now,
    };
    this.byToken.set(session.token, session);
    return session;
  }

  get(token: string | null | undefined): Session | null {
    return token ? (this.byToken.get(token) ?? null) : null;
  }

  close(token: string): void {
    this.byToken.delete(token);
  }
}
