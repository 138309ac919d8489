// Administration: operators and roles, the audit viewer, settings, backups.
// Spread into the channel map by channels.ts; handlers in main/app/areas/admin.ts.
export const adminChannels = {} as const;
