// The handler map of one area of the contract (shared/contract/areas/): typed against that area's
// channels, so a missing or mistyped handler is a compile error there too.
import type { ChannelName } from '../../../shared/contract';
import type { Handler } from '../handlers';

export type AreaHandlers<Area> = { [C in keyof Area & ChannelName]: Handler<C> };
