import type { programmesZhCN } from './programmes.zh-CN.ts';
import type { DeepStrings } from './deep-strings.ts';

export const programmesEnUS: DeepStrings<typeof programmesZhCN> = {
  nav: {
    dealers: 'Dealer callbacks',
    homeService: 'Home-service callbacks',
    reports: 'Callback reports',
  },
};
