export * from './channels';
export * from './events';
export * from './result';
export * from './roles';
export * from './issues';
