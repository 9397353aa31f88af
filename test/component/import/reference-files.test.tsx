// The public-data panel's list of reference files: a boundary file read for its area codes is not said to have rows.
import { describe, expect, it } from 'vitest';
import { referenceFileText } from '../../../src/views/import/PublicDataPanel';

describe('reference files as the panel lists them', () => {
  it('counts a boundary file by the area codes it gave, and a table by its rows', () => {
    expect(referenceFileText({ file: 'lancashire-lsoa-2011.geojson', kind: 'boundary-lookup', rows: 955 })).toBe(
      'lancashire-lsoa-2011.geojson (955 area codes)',
    );
    expect(referenceFileText({ file: 'File_1.csv', kind: 'imd', rows: 32_844 })).toBe('File_1.csv (32,844 rows)');
    expect(referenceFileText({ file: 'one.csv', kind: 'ons-lookup', rows: 1 })).toBe('one.csv (1 row)');
  });
});
