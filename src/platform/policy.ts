/** What rules and services need from the policy store (POL-1), without depending on the policy module. */
export interface PolicyValue<T> {
  key: string;
  version: number;
  value: T;
  effectiveFrom: Date;
}

export interface PolicyReader {
  /** The value in force at `instant`; throws when the key is unknown or has no version yet. */
  at<T>(key: string, instant: Date): Promise<PolicyValue<T>>;
}
