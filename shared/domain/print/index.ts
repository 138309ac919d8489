// Print data for the A4 备案表 and the desk slip (issue 6). Pure: no DOM, no Node.
export * from './escape';
export * from './format';
export * from './details';
export * from './templates';
export * from './form';
export * from './slip';
export * from './qr';
