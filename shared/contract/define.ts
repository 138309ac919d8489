// The building blocks of the channel map, shared by the core map (channels.ts) and the area maps
// in shared/contract/areas/. Area maps import from here and from dtos.ts, never from channels.ts.
import { z } from 'zod';
import type { Role } from './roles';

/** Who may call: nobody logged in needed, any logged-in operator, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  summary: string;
  request: Req;
  response: Res;
  access: Access;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(def: ChannelDef<Req, Res>) {
  return def;
}

export const empty = z.object({}).strict();
