/** A dictionary shape with every text replaced by `string`: what another locale must provide. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
