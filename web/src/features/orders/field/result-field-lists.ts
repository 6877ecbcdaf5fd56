// Free of imports (the result codes are checked where it is used), so a Node-side unit test can compare it with the server's lists.
/**
 * The fields each WO-5 code takes besides `code` and `note`, in the order the form shows them. The same
 * lists as the server's `resultFields` (field-results.service.ts), which refuses any other field; the
 * form renders exactly these for the picked code.
 */
export const RESULT_FIELDS = {
  APPOINTED: ['window', 'agreedWith', 'contactPhone'],
  RESCHEDULED: ['window', 'requestedBy', 'reasonCode', 'reason', 'customerAccepted'],
  UNREACHABLE: ['phones', 'address'],
  AWAITING_PARTS: [
    'parts',
    'expectedArrivalDate',
    'customerInformed',
    'informed',
    'contactPhone',
    'nextVisit',
  ],
  TAKEN_FOR_REPAIR: ['takenOn', 'returnDate', 'agreedWith'],
  NORMAL_NOT_ACCEPTED: [
    'measurements',
    'withinNormalRange',
    'customerPosition',
    'notAcceptedBy',
    'negotiation',
    'nextVisitDate',
  ],
  RETURN_EXCHANGE: [
    'kind',
    'faultFound',
    'purchaseDate',
    'reportedForApproval',
    'customerMustChooseModel',
    'informed',
    'nextDate',
  ],
  OUT_OF_WARRANTY_DECLINED: [
    'purchaseYear',
    'part',
    'feeQuotedFen',
    'customerDeclines',
    'informed',
    'nextDate',
  ],
  CUSTOMER_NO_TIME: ['statedBy', 'noTimeThrough'],
} as const satisfies Record<string, readonly string[]>;

export type ResultField = (typeof RESULT_FIELDS)[keyof typeof RESULT_FIELDS][number];
