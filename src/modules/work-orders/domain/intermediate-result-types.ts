import type { AppointmentWindow, RescheduleReasonCode, RescheduleRequester } from './appointments.ts';

/**
 * WO-5 intermediate results (中间结果): every contact outcome on an open order, with the fields the call
 * center needs to answer the customer. Field lists follow WO-5.1–5.9 and the seed's note templates (seed 001
 * 中间结果的备注), which also name who was spoken to, on which phone, and — for 5.1, 5.2 and 5.4 — a time
 * ("*日*点"), read here as a WO-4 window; 5.5–5.8 agree a day only ("约几号到位").
 */
export const intermediateResultCodes = [
  'APPOINTED',
  'RESCHEDULED',
  'UNREACHABLE',
  'AWAITING_PARTS',
  'TAKEN_FOR_REPAIR',
  'NORMAL_NOT_ACCEPTED',
  'RETURN_EXCHANGE',
  'OUT_OF_WARRANTY_DECLINED',
  'CUSTOMER_NO_TIME',
] as const;
export type IntermediateResultCode = (typeof intermediateResultCodes)[number];

/** Who the outlet spoke to: the customer (用户本人) or a family member with their relation (家属: 父母亲…). */
export type ContactPerson = { kind: 'customer' } | { kind: 'family_member'; relation: string };

/** One of the customer's numbers, by id (the number itself is personal data, MD-5): 电话 or 手机. */
export interface ContactPhone {
  phoneId: string;
  kind: 'mobile' | 'landline';
}

interface ResultBase {
  /** When the outcome was recorded (the validation's `now`). */
  recordedAt: Date;
  /** Free remarks for the call center ("备注清楚便于电话中心咨询"). */
  note: string | null;
}

/** WO-5.1 按用户要求上门. */
export interface AppointedResult extends ResultBase {
  code: 'APPOINTED';
  window: AppointmentWindow;
  agreedWith: ContactPerson;
  contactPhone: ContactPhone;
}

/** WO-5.2 改约. */
export interface RescheduledResult extends ResultBase {
  code: 'RESCHEDULED';
  window: AppointmentWindow;
  requestedBy: RescheduleRequester;
  reasonCode: RescheduleReasonCode;
  reason: string | null;
  customerAccepted: boolean;
  brokenAppointment: boolean;
}

export const phoneOutcomes = ['no_answer', 'wrong_number'] as const;
export const addressOutcomes = ['no_such_house_number', 'no_such_person'] as const;

/** WO-5.3 联系不上/地址不对: each number on its own line; or the address problem. */
export interface UnreachableResult extends ResultBase {
  code: 'UNREACHABLE';
  phones: (ContactPhone & { outcome: (typeof phoneOutcomes)[number] })[];
  address: { outcome: (typeof addressOutcomes)[number] } | null;
}

export const partShippers = ['division', 'trading_company'] as const;

/** WO-5.4 待件. */
export interface AwaitingPartsResult extends ResultBase {
  code: 'AWAITING_PARTS';
  parts: { name: string; shippedBy: (typeof partShippers)[number] }[];
  /** 'YYYY-MM-DD' the arrival date told to the customer (WO-8.4 requires one). */
  expectedArrivalDate: string;
  customerInformed: true;
  informed: ContactPerson;
  contactPhone: ContactPhone;
  nextVisit: AppointmentWindow;
}

/** WO-5.5 拉修. */
export interface TakenForRepairResult extends ResultBase {
  code: 'TAKEN_FOR_REPAIR';
  /** 'YYYY-MM-DD' the unit went to the workshop. */
  takenOn: string;
  /** 'YYYY-MM-DD' agreed return. */
  returnDate: string;
  agreedWith: ContactPerson;
}

export const negotiationStatuses = ['negotiating', 'agreed', 'deadlocked'] as const;

/** WO-5.6 机器正常用户不接受. */
export interface NormalNotAcceptedResult extends ResultBase {
  code: 'NORMAL_NOT_ACCEPTED';
  measurements: { name: string; value: number; unit: string }[];
  withinNormalRange: true;
  customerPosition: string;
  notAcceptedBy: ContactPerson;
  negotiation: (typeof negotiationStatuses)[number];
  nextVisitDate: string;
}

/** 三包 position of a purchase on the day the fault was found (purchase day not counted, as MD-3). */
export type SanbaoPosition = 'within_return_window' | 'within_exchange_window' | 'outside_sanbao';

/** WO-5.7 退换机. */
export interface ReturnExchangeResult extends ResultBase {
  code: 'RETURN_EXCHANGE';
  kind: 'return' | 'exchange';
  faultFound: string;
  purchaseDate: string;
  /** Derived from the purchase date and policy `md.sanbao.windows`, never typed in. */
  sanbao: SanbaoPosition;
  reportedForApproval: true;
  customerMustChooseModel: boolean;
  informed: ContactPerson;
  nextDate: string;
}

/** WO-5.8 超保收费用户不修. */
export interface OutOfWarrantyDeclinedResult extends ResultBase {
  code: 'OUT_OF_WARRANTY_DECLINED';
  purchaseYear: number;
  part: string;
  feeQuotedFen: number;
  customerDeclines: true;
  informed: ContactPerson;
  nextDate: string;
}

/** WO-5.9 用户无时间: no time on any of the next `horizon` days, i.e. through today + horizon. */
export interface CustomerNoTimeResult extends ResultBase {
  code: 'CUSTOMER_NO_TIME';
  statedBy: ContactPerson;
  /** 'YYYY-MM-DD' the last day the customer has no time. */
  noTimeThrough: string;
}

export type IntermediateResult =
  | AppointedResult
  | RescheduledResult
  | UnreachableResult
  | AwaitingPartsResult
  | TakenForRepairResult
  | NormalNotAcceptedResult
  | ReturnExchangeResult
  | OutOfWarrantyDeclinedResult
  | CustomerNoTimeResult;
