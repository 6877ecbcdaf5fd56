import { Type } from 'typebox';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { closingBases, orderStatuses, redispatchReasonCodes } from './domain/lifecycle.ts';
import { channels, orderTypes, serviceModes } from './domain/order-codes.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const Id = IdParams.properties.id;
export const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const CategoryCode = Type.String({ pattern: '^[a-z_]{2,40}$', maxLength: 40 });

export const OrderType = literals(orderTypes);
export const Channel = literals(channels);
export const ServiceMode = literals(serviceModes);
const SlaState = literals(['on_track', 'warning', 'breached', 'met', 'paused', 'none']);

export const ProposalBody = Type.Object(
  {
    customerId: Id,
    addressId: Id,
    categoryCode: CategoryCode,
    orderType: OrderType,
    serviceMode: ServiceMode,
  },
  { additionalProperties: false },
);

export const IntakeBody = Type.Object(
  {
    customerId: Id,
    addressId: Id,
    unitId: Type.Optional(Id),
    categoryCode: Type.Optional(CategoryCode),
    orderType: OrderType,
    channel: Channel,
    serviceMode: ServiceMode,
    faultDescription: Text(1000),
    customerRequestedAt: Type.Optional(Instant),
    dispatch: Type.Optional(
      Type.Object(
        { outletId: Id, overrideReason: Type.Optional(Type.String({ maxLength: 500 })) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const OrderFilters = {
  status: Type.Optional(literals(orderStatuses)),
  outletId: Type.Optional(Id),
  customerId: Type.Optional(Id),
  number: Type.Optional(Type.String({ minLength: 1, maxLength: 30, pattern: '^[A-Za-z0-9-]+$' })),
  slaState: Type.Optional(SlaState),
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
};

export const ListQuery = Type.Object({ ...PageQuery, ...OrderFilters }, { additionalProperties: false });
export const ExportQuery = Type.Object(
  { ...OrderFilters, lang: Type.Optional(literals(['zh-CN', 'en-US'])) },
  { additionalProperties: false },
);

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export const AssignBody = Type.Object({ engineerId: Id, version: Version }, { additionalProperties: false });

export const RedispatchBody = Type.Object(
  {
    outletId: Id,
    reasonCode: literals(redispatchReasonCodes),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    version: Version,
  },
  { additionalProperties: false },
);

export const CancelBody = Type.Object(
  { reason: Text(500), version: Version },
  { additionalProperties: false },
);

export const CompleteBody = Type.Object(
  { version: Version, notes: Text(2000), actualMeasurePickup: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const CallbackBody = Type.Object(
  {
    reached: Type.Boolean(),
    satisfied: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const CloseBody = Type.Object(
  {
    basis: literals(closingBases),
    version: Version,
    decline: Type.Optional(
      Type.Object(
        {
          clearlyDeclined: Type.Boolean(),
          addressConfirmed: Type.Boolean(),
          reason: Type.String({ maxLength: 500 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
