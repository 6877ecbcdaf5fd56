import { describe, expect, it } from 'vitest';
import { resultFields } from '../src/modules/work-orders/field-results.service.ts';
import { RESULT_FIELDS } from '../web/src/features/orders/field/result-field-lists.ts';

// The console renders exactly the fields the server accepts for each WO-5 code; the server refuses any
// other field, so a list changed on one side only would make the form unusable for that code.
describe('WO-5 intermediate result fields', () => {
  it('the console form and the server accept the same fields per code, in the same order', () => {
    expect(RESULT_FIELDS).toEqual(resultFields);
  });
});
