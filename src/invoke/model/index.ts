/** Invoke logic that does not need VS Code: payload checks, log and REPORT decoding, result formatting, templates, pairings. */
export * from './clientContext';
export * from './format';
export * from './limits';
export * from './logResult';
export * from './pairings';
export * from './payload';
export * from './report';
export * from './targetLabel';
export * from './templates';
