/** WO-1 source channels (来源渠道). */
export const channels = [
  'hotline',
  'web',
  'app',
  'wechat',
  'qq',
  'email',
  'dealer',
  'mall',
  'e_commerce',
  'self_received',
] as const;
export type Channel = (typeof channels)[number];

/** WO-2 order types. `pickup_repair` is 接机 (JJWX). */
export const orderTypes = [
  'install',
  'repair',
  'maintenance',
  'consultation',
  'return_exchange',
  'pickup_repair',
] as const;
export type OrderType = (typeof orderTypes)[number];

/** WO-3 service modes (服务方式). */
export const serviceModes = [
  'on_site',
  'carry_in',
  'pickup_one_way',
  'pickup_two_way',
  'pickup_one_way_loaner',
  'pickup_two_way_loaner',
] as const;
export type ServiceMode = (typeof serviceModes)[number];

/** WO-3: the four pick-up modes (拉送), with or without a loaner unit. */
export const isPickupMode = (mode: ServiceMode): boolean => mode.startsWith('pickup_');
