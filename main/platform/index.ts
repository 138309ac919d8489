// The platform adapter's public surface (docs/platform.md).
export { createPlatformClient, type DeskPlatformClient, type PlatformClient, type PlatformClientOptions } from './client';
export { findProfile, GUANGDONG_XTIF, JIANGSU_CSB, NATIONAL_DEFAULT, PROFILES, SIM_OUT_OF_AREA, type InterfaceProfile } from './profiles';
export { PlatformConfigError, type GatewayCredentials } from './signing';
export { chooseInsurance } from './tx/person';
export { DESK_DICTIONARIES } from './tx/dictionary';
export type { DiagnosisPage } from './tx/diagnoses';
export { MSGID_DAILY_LIMIT } from './msgid';
export * from './types';
