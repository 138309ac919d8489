// Which platform the upload queue files to, for both shells (Electron and browser mode):
// - training mode (no platform URL): the platform simulator runs in this process on a free loopback
//   port, so the whole flow (filing, queue, outage, replay) can be practised on a fresh data folder;
// - live mode: the provincial platform at the configured URL, with the interface profile named by
//   DESK_PLATFORM_PROFILE (default national-default). Gateway credentials are not wired yet.
import { createPlatformClient } from '../platform/client';
import { findProfile, NATIONAL_DEFAULT } from '../platform/profiles';
import { startSimulator, type Simulator } from '../platform/sim/server';
import type { DeskPlatformConfig } from './desk';

/** The queue files as the desk itself; the operator who saved a filing is in its audit trail. */
export const QUEUE_OPERATOR = { id: 'desk-queue', name: '上传队列' };

export interface PlatformWiring {
  platform: DeskPlatformConfig;
  /** The in-process simulator in training mode, else null. */
  simulator: Simulator | null;
  close(): Promise<void>;
}

export function platformFor(baseUrl: string, env: NodeJS.ProcessEnv = process.env): DeskPlatformConfig {
  const profileId = env.DESK_PLATFORM_PROFILE ?? NATIONAL_DEFAULT.id;
  const profile = findProfile(profileId);
  if (!profile) throw new Error(`unknown platform profile: ${profileId}`);
  return {
    client: ({ sqlite, institution }) => createPlatformClient({ sqlite, institution, profile, baseUrl }),
    operator: QUEUE_OPERATOR,
  };
}

export async function wirePlatform(platformUrl: string | null, env: NodeJS.ProcessEnv = process.env): Promise<PlatformWiring> {
  const simulator = platformUrl ? null : await startSimulator({ port: 0, latencyMs: 150 });
  return {
    platform: platformFor(platformUrl ?? simulator!.url, env),
    simulator,
    close: async () => {
      await simulator?.close();
    },
  };
}
