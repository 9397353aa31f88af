import { makeData, makeVector, Utf8, type Vector } from 'apache-arrow';

// Arrow's generic builders (vectorFromArray) compile code with `new Function`, which the page's Content
// Security Policy forbids (no 'unsafe-eval'). These build the buffers directly, which is also faster.

function validity(isNull: (i: number) => boolean, length: number): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(length / 8));
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap, nulls };
}

export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  // Cube columns repeat a few thousand distinct strings hundreds of thousands of times: encode each once.
  const cache = new Map<string, Uint8Array>();
  const encoded = values.map((v) => {
    if (v === null) return null;
    let bytes = cache.get(v);
    if (!bytes) {
      bytes = encoder.encode(v);
      cache.set(v, bytes);
    }
    return bytes;
  });
  const offsets = new Int32Array(values.length + 1);
  let total = 0;
  for (let i = 0; i < encoded.length; i++) {
    total += encoded[i]?.length ?? 0;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < encoded.length; i++) {
    const e = encoded[i];
    if (e) data.set(e, offsets[i]!);
  }
  const { bitmap, nulls } = validity((i) => values[i] === null, values.length);
  return makeVector(
    makeData({
      type: new Utf8(),
      length: values.length,
      nullCount: nulls,
      nullBitmap: nulls ? bitmap : null,
      valueOffsets: offsets,
      data,
    }),
  );
}
