/**
 * Every call the host makes on the fake of office-js is made as well on the same objects of Microsoft's
 * real client library (officeJs.ts), so that each batch the host builds is also built — and serialized,
 * at sync — by office.js itself. The fake answers; the real library only says how big the request is.
 *
 * The mirror is generic: a method call is made on both sides (proxies given as arguments are passed to
 * the real side as their real counterparts), a property set is set on both, a navigation property or a
 * method's result is mirrored in turn, a collection's `items` are paired with the real collection's
 * items by index (or by name). Events are not mirrored (office.js would try to register them).
 *
 * The npm build of office.js predates ExcelApi 1.18 and has no `worksheet.notes`; a note is then sent
 * as the comment call of the same shape (add(cell, text), getItemByCell(cell).content = text,
 * getItemAt(i).getLocation(), delete()), which is what a note's request is made of.
 */
const realOf = new WeakMap<object, unknown>();

type Bag = Record<string | symbol, unknown>;

const NOT_MIRRORED = new Set<string | symbol>(['onChanged', 'onActivated', 'then', 'sync', 'real', 'book']);

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unwrap(v: unknown): unknown {
  return isObject(v) && realOf.has(v) ? realOf.get(v) : v;
}

/** A note collection of ExcelApi 1.18, carried out through the comment collection of the same shape. */
function notesOnComments(comments: Bag): Bag {
  const call = (name: string, ...args: unknown[]): unknown => (comments[name] as (...a: unknown[]) => unknown).apply(comments, args);
  return {
    add: (cell: unknown, text: unknown) => call('add', cell, text),
    getItem: (cell: unknown) => call('getItemByCell', cell),
    getItemAt: (i: unknown) => call('getItemAt', i),
    getCount: () => call('getCount'),
    load: (props: unknown) => call('load', props),
  };
}

function realChild(real: unknown, prop: string | symbol): unknown {
  if (!isObject(real)) return undefined;
  const bag = real as Bag;
  if (prop === 'notes' && bag.notes === undefined && isObject(bag.comments)) return notesOnComments(bag.comments as Bag);
  return bag[prop];
}

function realItem(real: unknown, i: number, item: object): unknown {
  if (!isObject(real)) return undefined;
  const bag = real as Bag;
  if (typeof bag.getItemAt === 'function') return (bag.getItemAt as (i: number) => unknown)(i);
  if (typeof bag.getItem === 'function') return (bag.getItem as (n: unknown) => unknown)((item as Bag).name);
  return undefined;
}

export function mirrored<T extends object>(fake: T, real: unknown): T {
  const proxy = new Proxy(fake, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (NOT_MIRRORED.has(prop) || typeof prop === 'symbol') return value;
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          const method = realChild(real, prop);
          const realResult = typeof method === 'function' ? (method as (...a: unknown[]) => unknown).apply(real, args.map(unwrap)) : undefined;
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          return isObject(result) && !(result instanceof Promise) ? mirrored(result, realResult) : result;
        };
      }
      if (prop === 'items' && Array.isArray(value)) {
        const items: unknown[] = value;
        return items.map((item, i) => (isObject(item) ? mirrored(item, realItem(real, i, item)) : item));
      }
      if (isObject(value)) return mirrored(value, realChild(real, prop));
      return value;
    },
    set(target, prop, v) {
      const done = Reflect.set(target, prop, v, target);
      if (isObject(real) && typeof prop === 'string' && prop in real) (real as Bag)[prop] = unwrap(v);
      return done;
    },
  });
  if (isObject(real)) realOf.set(proxy, real);
  return proxy;
}
