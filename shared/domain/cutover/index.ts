// Cut-over support in the domain: reading an old system's export and the seed 001 clean-up rules.
export * from './columns';
export * from './records';
export * from './cleanup';
export * from './back-entry';
