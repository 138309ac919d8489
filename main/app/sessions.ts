import { randomBytes } from 'node:crypto';
import { fail, type ChannelName, type Failure, type OperatorDto, type Role } from '../../shared/contract';

export interface Session {
  token: string;
  operatorId: string;
  username: string;
  displayName: string;
  role: Role;
  createdAt: Date;
  /** The screen was locked (idle or by hand): the session stays, calls wait for auth.unlock. */
  locked: boolean;
  /** An admin reset the password: calls wait for auth.changePassword. */
  mustChangePassword: boolean;
}

/** What a held session may still call: its own state, the way out of the hold, and logging out. */
const WHILE_LOCKED: ReadonlySet<ChannelName> = new Set<ChannelName>(['auth.session', 'auth.me', 'auth.unlock', 'auth.logout']);
const WHILE_PASSWORD_DUE: ReadonlySet<ChannelName> = new Set<ChannelName>(['auth.session', 'auth.me', 'auth.changePassword', 'auth.logout']);

export const SCREEN_LOCKED_MESSAGE = '屏幕已锁定，请输入密码解锁后继续';
export const PASSWORD_DUE_MESSAGE = '管理员已重置您的密码，请先设置新密码后继续';

/** The dispatcher's check after the role check: a locked screen or a due password holds every other call. */
export function sessionHold(session: Session | null, channel: ChannelName): Failure | null {
  if (!session) return null;
  if (session.mustChangePassword && !WHILE_PASSWORD_DUE.has(channel)) return fail('FORBIDDEN', PASSWORD_DUE_MESSAGE);
  if (session.locked && !WHILE_LOCKED.has(channel)) return fail('FORBIDDEN', SCREEN_LOCKED_MESSAGE);
  return null;
}

/** Logged-in sessions, in memory: a restart logs everyone out, which is what a desk expects. */
export class SessionStore {
  private readonly byToken = new Map<string, Session>();

  open(operator: OperatorDto, now: Date, options: { mustChangePassword?: boolean } = {}): Session {
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      operatorId: operator.id,
      username: operator.username,
      displayName: operator.displayName,
      role: operator.role,
      createdAt: now,
      locked: false,
      mustChangePassword: options.mustChangePassword ?? false,
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

  /** Ends every session of an operator (disabled, password reset); returns how many. */
  closeFor(operatorId: string): number {
    let closed = 0;
    for (const [token, s] of this.byToken) {
      if (s.operatorId !== operatorId) continue;
      this.byToken.delete(token);
      closed += 1;
    }
    return closed;
  }

  /** Ends every session (a restored backup brings its own operators and roles); returns how many. */
  closeAll(): number {
    const closed = this.byToken.size;
    this.byToken.clear();
    return closed;
  }

  /** A role change applies to the operator's open sessions at once. */
  updateOperator(operator: OperatorDto): void {
    for (const s of this.byToken.values()) {
      if (s.operatorId !== operator.id) continue;
      s.role = operator.role;
      s.displayName = operator.displayName;
    }
  }
}
