// Reading JSON that crossed a trust boundary (a webview message, a saved output): a property is
// unknown until its type is checked, and only the object's own properties count.

/** The own property `key` of `json` when it is an object, else undefined. */
export function field(json: unknown, key: string): unknown {
  return typeof json === 'object' && json !== null && Object.hasOwn(json, key) ? Reflect.get(json, key) : undefined;
}
