// What a role may call, read from the contract's access rules (the main side enforces the same).
import { channels, type ChannelName, type Role } from '../../../shared/contract';

export function canCall(role: Role, channel: ChannelName): boolean {
  const access = channels[channel].access;
  return access === 'public' || access === 'authenticated' || access.includes(role);
}
