// Filing workflow around the form: the filing's timeline (audit log and upload attempts) and the
// screens' other needs beyond the core filing channels.
// Spread into the channel map by channels.ts; handlers in main/app/areas/workflow.ts.
export const workflowChannels = {} as const;
