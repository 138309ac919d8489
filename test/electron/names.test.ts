// The preload's name lists are a copy of the contract's keys (kept small for the sandbox); they
// must not drift from the maps they copy.
import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract/channels';
import { events } from '../../shared/contract/events';
import { CHANNEL_NAMES_LIST, EVENT_NAMES_LIST, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/names';

describe('contract name lists for the preload', () => {
  it('lists exactly the channels of the contract, in order', () => {
    expect([...CHANNEL_NAMES_LIST]).toEqual(Object.keys(channels));
  });

  it('lists exactly the events of the contract, in order', () => {
    expect([...EVENT_NAMES_LIST]).toEqual(Object.keys(events));
  });

  it('uses two distinct IPC channels that no contract name can collide with', () => {
    expect(IPC_INVOKE_CHANNEL).not.toBe(IPC_EVENT_CHANNEL);
    for (const name of [...CHANNEL_NAMES_LIST, ...EVENT_NAMES_LIST]) {
      expect(name).not.toBe(IPC_INVOKE_CHANNEL);
      expect(name).not.toBe(IPC_EVENT_CHANNEL);
    }
  });
});
