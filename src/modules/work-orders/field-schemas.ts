import { Type } from 'typebox';
import type { TProperties } from 'typebox';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { attachmentKinds } from './attachments-files.ts';
import { rescheduleReasonCodes, rescheduleRequesters } from './domain/appointments.ts';
import {
  addressOutcomes,
  intermediateResultCodes,
  negotiationStatuses,
  partShippers,
  phoneOutcomes,
} from './domain/intermediate-result-types.ts';
import { channels } from './domain/order-codes.ts';
import { contactReasons } from './domain/repeat-contacts.ts';
import { partShippedBy } from './field-parts.service.ts';

/**
 * Request shapes of field work and monitoring. Enumerations and sizes are checked here (400); whether the
 * values make sense together — a concrete window, the fields a result code needs — is the domain's (422),
 * so dates and times arrive as short strings and the rules answer with their own codes.
 */

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = <T extends TProperties>(props: T) => Type.Object(props, { additionalProperties: false });
const Id = IdParams.properties.id;
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Short = Type.String({ maxLength: 20 });
const Text = (max: number) => Type.String({ maxLength: max });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });

export const OrderParams = IdParams;
export const PartParams = strict({ id: Id, partId: Id });
export const AttachmentParams = strict({ id: Id, attachmentId: Id });
export const ListQuery = strict({ ...PageQuery });
export const OutletFilterQuery = strict({ outletId: Type.Optional(Id) });

const WindowFields = {
  day: Short,
  windowStart: Type.Optional(Short),
  windowEnd: Type.Optional(Short),
};

export const AppointBody = strict({
  version: Version,
  ...WindowFields,
  agreedBy: literals(['customer', 'family_member'] as const),
  relation: Type.Optional(Text(30)),
});

export const RescheduleBody = strict({
  version: Version,
  ...WindowFields,
  requestedBy: literals(rescheduleRequesters),
  reasonCode: literals(rescheduleReasonCodes),
  reason: Type.Optional(Nullable(Text(500))),
  customerAccepted: Type.Boolean(),
});

const ResultWindow = strict({
  date: Type.Optional(Short),
  start: Type.Optional(Short),
  end: Type.Optional(Short),
});
const Person = strict({
  kind: literals(['customer', 'family_member'] as const),
  relation: Type.Optional(Text(30)),
});
const Phone = strict({ phoneId: Id, kind: literals(['mobile', 'landline'] as const) });
const opt = Type.Optional;

/** WO-5: one flat shape; which fields a code takes and needs is checked per code by the service and domain. */
export const ResultBody = strict({
  version: Version,
  code: literals(intermediateResultCodes),
  note: opt(Nullable(Text(1000))),
  window: opt(ResultWindow),
  agreedWith: opt(Person),
  contactPhone: opt(Phone),
  requestedBy: opt(literals(rescheduleRequesters)),
  reasonCode: opt(literals(rescheduleReasonCodes)),
  reason: opt(Nullable(Text(500))),
  customerAccepted: opt(Type.Boolean()),
  phones: opt(
    Type.Array(
      strict({
        phoneId: Id,
        kind: literals(['mobile', 'landline'] as const),
        outcome: literals(phoneOutcomes),
      }),
      {
        maxItems: 10,
      },
    ),
  ),
  address: opt(Type.Union([strict({ outcome: literals(addressOutcomes) }), Type.Null()])),
  parts: opt(Type.Array(strict({ name: Text(100), shippedBy: literals(partShippers) }), { maxItems: 20 })),
  expectedArrivalDate: opt(Short),
  customerInformed: opt(Type.Boolean()),
  informed: opt(Person),
  nextVisit: opt(ResultWindow),
  takenOn: opt(Short),
  returnDate: opt(Short),
  measurements: opt(
    Type.Array(
      strict({ name: Text(60), value: Type.Number({ minimum: -1e6, maximum: 1e6 }), unit: Text(20) }),
      {
        maxItems: 20,
      },
    ),
  ),
  withinNormalRange: opt(Type.Boolean()),
  customerPosition: opt(Text(500)),
  notAcceptedBy: opt(Person),
  negotiation: opt(literals(negotiationStatuses)),
  nextVisitDate: opt(Short),
  kind: opt(literals(['return', 'exchange'] as const)),
  faultFound: opt(Text(500)),
  purchaseDate: opt(Short),
  reportedForApproval: opt(Type.Boolean()),
  customerMustChooseModel: opt(Type.Boolean()),
  purchaseYear: opt(Type.Integer({ minimum: 1900, maximum: 9999 })),
  part: opt(Text(100)),
  feeQuotedFen: opt(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
  customerDeclines: opt(Type.Boolean()),
  nextDate: opt(Short),
  statedBy: opt(Person),
  noTimeThrough: opt(Short),
});

export const PartBody = strict({
  partName: Type.String({ minLength: 1, maxLength: 100 }),
  partCode: opt(Nullable(Text(40))),
  quantity: Type.Integer({ minimum: 1, maximum: 999 }),
  shippedBy: literals(partShippedBy),
  promisedArrivalDate: opt(Nullable(DateString)),
});

export const PartPatchBody = strict({
  version: Version,
  shelfOffAt: opt(Nullable(Instant)),
  stationArrivalAt: opt(Nullable(Instant)),
  arrivedAtOutletAt: opt(Nullable(Instant)),
  fittedAt: opt(Nullable(Instant)),
  promisedArrivalDate: opt(Nullable(DateString)),
});

export const PartCancelBody = strict({
  version: Version,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});

export const ContactBody = strict({
  channel: literals(channels),
  reason: literals(contactReasons),
  customerUnhappy: Type.Boolean(),
  note: opt(Nullable(Text(1000))),
});

export const TripsQuery = strict({ from: opt(DateString), to: opt(DateString) });

export const AttachmentQuery = strict({
  kind: Type.Optional(literals(attachmentKinds)),
  fileName: Type.Optional(Text(200)),
});

export const SixFirstsQuery = strict({
  ...PageQuery,
  outletId: opt(Id),
  from: opt(DateString),
  to: opt(DateString),
});
export const BacklogExportQuery = strict({
  outletId: opt(Id),
  lang: opt(literals(['zh-CN', 'en-US'] as const)),
});
export const EngineerJobsQuery = strict({ day: Type.Optional(literals(['today', 'tomorrow'] as const)) });
