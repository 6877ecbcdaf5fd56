/**
 * Comparing the names and addresses entered on different records (CB-6 同一电话不同姓名地址多次录单) without
 * letting them out: callers get flags, never the text.
 */

/**
 * Names and addresses compare after NFKC (full-width → half-width), lower-casing and dropping spaces,
 * punctuation and symbols: "朝阳区 建国路８８号" and "朝阳区建国路88号" are one address.
 */
export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export interface ContactText {
  name: string;
  /** District code and street detail. */
  regionCode: string;
  detail: string;
}

export interface ContactDifference {
  differentName: boolean;
  differentAddress: boolean;
}

/** An empty name or address on either side proves nothing, so it is never a difference. */
export function contactDifference(subject: ContactText, other: ContactText): ContactDifference {
  const differs = (a: string, b: string) => a !== '' && b !== '' && a !== b;
  const address = (c: ContactText) => {
    const detail = comparableText(c.detail);
    return detail === '' ? '' : `${c.regionCode}|${detail}`;
  };
  return {
    differentName: differs(comparableText(subject.name), comparableText(other.name)),
    differentAddress: differs(address(subject), address(other)),
  };
}
