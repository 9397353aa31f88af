export * from './vocabularies';
export * from './audience-permissions';
export * from './manifest-schema';
export * from './table-schemas';
export * from './provenance';
export * from './absent-rows';
export * from './under-25';
