// Cut-over: platform profiles, back-entry (补录) of paper filings, import of the old system's export and its clean-up.
// Spread into the channel map by channels.ts; handlers in main/app/areas/cutover.ts.
export const cutoverChannels = {} as const;
