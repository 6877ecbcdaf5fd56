import { Type } from 'typebox';

export const RegionCode = Type.String({ pattern: '^[0-9]{6}$', description: '6-digit administrative code' });
export const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const Search = Type.String({ minLength: 1, maxLength: 60 });
export const Lang = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]);
export const CategoryCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z_]*$' });
export const DayParams = Type.Object(
  { day: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' }) },
  { additionalProperties: false },
);
export const RegionParams = Type.Object({ code: RegionCode }, { additionalProperties: false });
