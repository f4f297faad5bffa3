/**
 * JSON for docs that leave the process (distributed shards): stages may keep typed arrays in
 * `doc.hints` between their phases (structured clone carries them between threads), which plain
 * JSON would turn into index-keyed objects. They travel as `{"$typed": name, "base64": ...}`.
 */
const TYPED = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

/** The bytes of a typed array (or any view) in base64, without a copy of them. */
export function base64(view: ArrayBufferView): string {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
}

export function stringifyWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const name = v.constructor.name as TypedName;
      if (name in TYPED) return { $typed: name, base64: base64(v) };
    }
    return v;
  });
}

export function parseWire<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && '$typed' in v && 'base64' in v) {
      const { $typed, base64 } = v as { $typed: TypedName; base64: string };
      const Ctor = TYPED[$typed];
      if (Ctor) {
        const bytes = Buffer.from(base64, 'base64');
        const copy = new Uint8Array(bytes); // aligned, owned buffer
        return new Ctor(copy.buffer, 0, copy.byteLength / Ctor.BYTES_PER_ELEMENT);
      }
    }
    return v;
  }) as T;
}
