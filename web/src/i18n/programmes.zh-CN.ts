/** Dealer callbacks (CB-7), home-service callbacks (CB-8) and callback reports, zh-CN (source of the shape). */
export const programmesZhCN = {
  nav: {
    dealers: '经销商回访',
    homeService: '家政回访',
    reports: '回访报表',
  },
};
