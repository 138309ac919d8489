// The area maps: each area's channels live in its own file and are spread into the one channel map
// (channels.ts). An area file imports from ../define and ../dtos (never ../channels, which imports it).
export { lookupChannels } from './lookup';
export { adminChannels } from './admin';
export { reportChannels } from './reports';
export { cutoverChannels } from './cutover';
export { workflowChannels } from './workflow';
export { backupChannels } from './backup';
