import type { Dayjs } from 'dayjs';
import type { CustomerPhone } from '../../../api/master-data';
import type {
  ADDRESS_OUTCOMES,
  NEGOTIATION_STATUSES,
  PHONE_OUTCOMES,
  RESULT_PART_SHIPPERS,
  RescheduleReasonCode,
  RescheduleRequester,
  ResultCode,
} from '../../../api/work-orders';
import { phoneKindOf } from './field-api';
import type { WindowValue } from './field-inputs';
import { windowTexts } from './field-inputs';
import { dateText } from './field-rules';
import { RESULT_FIELDS } from './result-field-lists';
import type { ResultField } from './result-field-lists';

// Every result code has its field list, and no list names a code that does not exist.
RESULT_FIELDS satisfies Record<ResultCode, readonly string[]>;

export { RESULT_FIELDS } from './result-field-lists';
export type { ResultField } from './result-field-lists';

export interface PersonValue {
  kind?: 'customer' | 'family_member';
  relation?: string;
}

/** The form's values: one flat shape, like the API's, with pickers' values where the API takes text. */
export interface ResultValues {
  code?: ResultCode;
  note?: string;
  window?: WindowValue;
  nextVisit?: WindowValue;
  agreedWith?: PersonValue;
  informed?: PersonValue;
  notAcceptedBy?: PersonValue;
  statedBy?: PersonValue;
  /** The id of one of the customer's numbers. */
  contactPhone?: string;
  requestedBy?: RescheduleRequester;
  reasonCode?: RescheduleReasonCode;
  reason?: string;
  customerAccepted?: boolean;
  /** Per phone id: what happened when it was dialled; unset = not tried. */
  phoneOutcomes?: Record<string, (typeof PHONE_OUTCOMES)[number] | undefined>;
  address?: { outcome?: (typeof ADDRESS_OUTCOMES)[number] };
  parts?: { name?: string; shippedBy?: (typeof RESULT_PART_SHIPPERS)[number] }[];
  expectedArrivalDate?: Dayjs;
  customerInformed?: boolean;
  takenOn?: Dayjs;
  returnDate?: Dayjs;
  measurements?: { name?: string; value?: number; unit?: string }[];
  withinNormalRange?: boolean;
  customerPosition?: string;
  negotiation?: (typeof NEGOTIATION_STATUSES)[number];
  nextVisitDate?: Dayjs;
  kind?: 'return' | 'exchange';
  faultFound?: string;
  purchaseDate?: Dayjs;
  reportedForApproval?: boolean;
  customerMustChooseModel?: boolean;
  purchaseYear?: number;
  part?: string;
  /** Typed in yuan, sent in fen. */
  feeYuan?: number;
  customerDeclines?: boolean;
  nextDate?: Dayjs;
  noTimeThrough?: Dayjs;
}

const person = (p: PersonValue | undefined) =>
  p?.kind === 'family_member' ? { kind: p.kind, relation: p.relation?.trim() } : { kind: p?.kind };

const trimmed = (s: string | undefined) => s?.trim() ?? '';

/** The phone ids of UNREACHABLE in the order they are sent, to pin `/phones/<i>/…` errors back on them. */
export function triedPhones(values: ResultValues): string[] {
  return Object.entries(values.phoneOutcomes ?? {})
    .filter(([, outcome]) => outcome !== undefined && outcome !== null)
    .map(([id]) => id);
}

function fieldValue(field: ResultField, v: ResultValues, phones: CustomerPhone[]): unknown {
  const phone = (id: string | undefined) => {
    const found = phones.find((p) => p.id === id);
    return { phoneId: id, kind: found ? phoneKindOf(found.masked) : 'mobile' };
  };
  switch (field) {
    case 'window':
    case 'nextVisit':
      return windowTexts(v[field]);
    case 'agreedWith':
    case 'informed':
    case 'notAcceptedBy':
    case 'statedBy':
      return person(v[field]);
    case 'contactPhone':
      return phone(v.contactPhone);
    case 'phones':
      return triedPhones(v).map((id) => ({ ...phone(id), outcome: v.phoneOutcomes?.[id] }));
    case 'address':
      return v.address?.outcome ? { outcome: v.address.outcome } : null;
    case 'parts':
      return (v.parts ?? []).map((p) => ({ name: trimmed(p.name), shippedBy: p.shippedBy }));
    case 'measurements':
      return (v.measurements ?? []).map((m) => ({
        name: trimmed(m.name),
        value: m.value,
        unit: trimmed(m.unit),
      }));
    case 'expectedArrivalDate':
    case 'takenOn':
    case 'returnDate':
    case 'nextVisitDate':
    case 'purchaseDate':
    case 'nextDate':
    case 'noTimeThrough':
      return dateText(v[field]);
    case 'feeQuotedFen':
      return v.feeYuan === undefined || v.feeYuan === null ? undefined : Math.round(v.feeYuan * 100);
    case 'reason':
      return v.reason?.trim() || null;
    case 'faultFound':
    case 'customerPosition':
    case 'part':
      return trimmed(v[field]);
    case 'customerAccepted':
      return v.requestedBy === 'customer' ? true : v.customerAccepted;
    default:
      return v[field];
  }
}

/** The request body for the picked code: its own fields only (the server refuses any other). */
export function resultBody(code: ResultCode, version: number, v: ResultValues, phones: CustomerPhone[]) {
  const body: Record<string, unknown> = { version, code };
  for (const field of RESULT_FIELDS[code]) {
    const value = fieldValue(field, v, phones);
    if (value !== undefined) body[field] = value;
  }
  const note = v.note?.trim();
  if (note) body.note = note;
  return body;
}

/** Server paths that name another form field than the API's: the phone id inside its object, fen vs yuan. */
export function resultErrorPath(name: (string | number)[], values: ResultValues): (string | number)[] {
  const [head, index] = name;
  if (head === 'contactPhone') return ['contactPhone'];
  if (head === 'feeQuotedFen') return ['feeYuan'];
  const tried = triedPhones(values)[typeof index === 'number' ? index : -1];
  if (head === 'phones' && tried) return ['phoneOutcomes', tried];
  return name;
}
