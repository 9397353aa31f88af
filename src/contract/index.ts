export * from './vocabularies';
export * from './manifest-schema';
export * from './table-schemas';
export * from './provenance';
export * from './absent-rows';
