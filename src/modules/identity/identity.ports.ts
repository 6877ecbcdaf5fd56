/** What identity needs to know about outlets, supplied by the outlets module when the app is assembled. */
export interface OutletDirectory {
  names(ids: readonly string[]): Promise<Map<string, string>>;
  exists(id: string): Promise<boolean>;
}
