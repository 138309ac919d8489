export * from './institution';
export * from './operators';
export * from './filings';
export * from './audit';
export * from './outbox';
export * from './platform';
export * from './sync';
