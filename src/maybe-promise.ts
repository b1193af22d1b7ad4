/** A value now, or a promise of it when getting it had to wait (I/O): the hot path's return type. */
export type MaybePromise<T> = T | Promise<T>

/**
 * `next` applied to `value`: at once when it is a value, after it settles when it is a promise.
 * Keeps a synchronous answer synchronous (no promise and no microtask on the hot path). Not
 * named `then`: a module exporting `then` is itself a thenable to `import()`.
 */
export function andThen<T, R>(value: MaybePromise<T>, next: (settled: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value)
}
