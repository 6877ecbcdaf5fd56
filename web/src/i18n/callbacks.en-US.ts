import type { callbacksZhCN } from './callbacks.zh-CN.ts';
import type { DeepStrings } from './deep-strings.ts';

export const callbacksEnUS: DeepStrings<typeof callbacksZhCN> = {
  nav: {
    desk: 'Callback desk',
  },
};
