/**
 * A record's own value for a key, never one inherited from `Object.prototype`: article ids such as
 * `constructor` or `__proto__` are just ids.
 *
 * @example
 * ownValue({ a: 1 }, 'constructor'); // undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
