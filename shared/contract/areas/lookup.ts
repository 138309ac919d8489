// Person lookup (1101), the destination-institution list (1201) and the diagnosis catalogue, cached locally.
// Spread into the channel map by channels.ts; handlers in main/app/areas/lookup.ts.
export const lookupChannels = {} as const;
