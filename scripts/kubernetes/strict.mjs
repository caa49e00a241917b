// The schemas' validators check the fields they know and ignore the rest, so a misspelt field would pass. Each
// object is therefore wrapped in a Proxy that records which keys the validator reads. A validator reads every
// property its schema names, present or not, and enumerates the keys of a free-form map. So a key it never read, on
// an object whose keys it read by name, is in no schema: it is reported as unknown.
export function tracked(value, path, records) {
  if (value === null || typeof value !== "object") return value;
  const record = { path, value, reads: new Set(), enumerated: false };
  records.push(record);
  const children = Array.isArray(value)
    ? value.map((item, i) => tracked(item, `${path}[${i}]`, records))
    : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, tracked(item, `${path}.${key}`, records)]));
  return new Proxy(children, {
    get(target, key, receiver) {
      if (typeof key === "string") record.reads.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string") record.reads.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      record.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

export function unknownFields(records) {
  const unknown = [];
  for (const record of records) {
    if (Array.isArray(record.value) || record.enumerated || record.reads.size === 0) continue;
    for (const key of Object.keys(record.value)) {
      if (!record.reads.has(key)) unknown.push(`${record.path}.${key}`);
    }
  }
  return unknown;
}
