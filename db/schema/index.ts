export * from './reference';
export * from './persons';
export * from './disputes';
export * from './mediation';
export * from './attachments';
export * from './followup';
export * from './obligations';
export * from './correction';
