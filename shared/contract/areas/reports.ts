// Reports: counts by type, destination, status and operator; upload success and delay; Excel export.
// Spread into the channel map by channels.ts; handlers in main/app/areas/reports.ts.
export const reportChannels = {} as const;
