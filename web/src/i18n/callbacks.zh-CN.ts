/** The callback desk, appeals, same-day audit and month-end view (CB-2..CB-6), zh-CN (source of the shape). */
export const callbacksZhCN = {
  nav: {
    desk: '回访工作台',
  },
};
