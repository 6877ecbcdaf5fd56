import type { Random } from './prng.ts';

/** What customers say on the phone, per category and order type (free text the agent types in). */
const repairFaults: Record<string, readonly string[]> = {
  air_conditioner: [
    '空调不制冷，开机半小时出风还是热的',
    '室内机漏水，滴到地板上',
    '开机显示E1故障代码',
    '外机噪音很大，晚上吵得睡不着',
    '制热效果差，出风口温度不高',
    '遥控器能开机，几分钟后自动停机',
    '室内机有异味',
  ],
  washing_machine: [
    '洗衣机不排水，显示E21',
    '脱水时机器晃动厉害，声音很大',
    '门打不开，门锁指示灯一直亮',
    '进水慢，洗一次要很久',
    '滚筒不转，有嗡嗡声',
  ],
  dishwasher: ['洗碗机洗不干净，碗上有残渣', '显示E4，底部有积水', '烘干效果差', '不进水'],
  water_heater: [
    '热水器不加热，指示灯不亮',
    '燃气热水器点不着火',
    '洗澡时水温忽冷忽热',
    '热水器漏水，下面有水渍',
    '漏电保护器跳闸',
  ],
  refrigerator: [
    '冰箱冷藏室不冷，冷冻正常',
    '冰箱噪音大，压缩机一直在响',
    '冷藏室结冰，食物冻住了',
    '冰箱门关不严，有缝隙',
    '显示屏报警，温度显示异常',
  ],
  television: [
    '电视有声音没图像',
    '开机后屏幕闪烁，有横条纹',
    '电视无法开机，指示灯闪烁',
    '屏幕一侧发暗，有阴影',
    '网络连接不上，无法投屏',
  ],
  door: ['入户门锁芯转不动，钥匙拔不出来', '门关不上，门框变形', '猫眼松动，门铃不响'],
  protective_window: ['防护窗锁扣损坏', '纱窗脱轨推拉困难', '窗框密封条老化漏风'],
  home_product: ['柜门铰链松动', '推拉门滑轨异响'],
  colour_pipe: ['管材接口处渗水'],
  material: ['型材表面划伤需要处理'],
  fixture_tool: ['合页断裂需要更换', '把手松动'],
};

const installNeeds: Record<string, readonly string[]> = {
  air_conditioner: ['新购空调挂机需要安装，需打墙孔', '新买的柜机预约安装', '搬家后空调移机安装'],
  washing_machine: ['新买滚筒洗衣机需要安装，拆运输螺栓', '新洗衣机安装，需要接进水管'],
  dishwasher: ['嵌入式洗碗机安装，橱柜已预留位置', '台式洗碗机安装调试'],
  water_heater: ['新购电热水器安装，需要打膨胀螺丝', '燃气热水器安装，需要开烟道孔'],
  refrigerator: ['新冰箱送货后需要调试'],
  television: ['电视需要挂墙安装', '新电视上门安装调试'],
  door: ['新购入户门安装', '室内门安装'],
  protective_window: ['新购防护窗测量安装', '隐形防护网安装'],
  home_product: ['衣柜上门安装'],
  colour_pipe: ['彩管安装'],
  material: ['型材上门安装'],
  fixture_tool: ['五金配件上门安装'],
};

const maintenanceNeeds: Record<string, readonly string[]> = {
  air_conditioner: ['空调清洗保养，入夏前检查', '空调加氟检查'],
  washing_machine: ['洗衣机滚筒清洗保养'],
  water_heater: ['热水器更换镁棒、清洗内胆', '燃气热水器年度安全检查'],
  dishwasher: ['洗碗机滤网清洗保养'],
  refrigerator: ['冰箱清洁保养'],
  television: ['电视系统升级检查'],
};

const consultations = [
  '咨询保修期多长时间',
  '咨询空调清洗收费标准',
  '咨询怎么开发票',
  '咨询以旧换新政策',
  '咨询产品使用方法',
];

/** The customer's words for the order: what is wrong, or what is wanted. */
export function faultText(r: Random, orderType: string, categoryCode: string): string {
  const pick = (list: readonly string[] | undefined, fallback: string) =>
    list && list.length > 0 ? r.pick(list) : fallback;
  switch (orderType) {
    case 'install':
      return pick(installNeeds[categoryCode], '新购产品上门安装');
    case 'maintenance':
      return pick(maintenanceNeeds[categoryCode], '上门保养检查');
    case 'consultation':
      return r.pick(consultations);
    case 'return_exchange':
      return `新买不久就出现故障，要求退换：${pick(repairFaults[categoryCode], '产品质量问题')}`;
    case 'pickup_repair':
      return `拉回网点维修：${pick(repairFaults[categoryCode], '产品故障')}`;
    default:
      return pick(repairFaults[categoryCode], '产品故障，需要上门检查');
  }
}

/** Parts an engineer requests, per category, with the division's part code prefix. */
export const partCatalogue: Record<string, readonly { name: string; code: string }[]> = {
  air_conditioner: [
    { name: '室外机电控板', code: '17122000' },
    { name: '压缩机电容', code: '17122100' },
    { name: '四通阀线圈', code: '17122200' },
    { name: '室内管温传感器', code: '17122300' },
    { name: '室外风机', code: '17122400' },
  ],
  washing_machine: [
    { name: '排水泵', code: '17138000' },
    { name: '门锁开关', code: '17138100' },
    { name: '电脑板', code: '17138200' },
    { name: '减震器', code: '17138300' },
  ],
  dishwasher: [
    { name: '洗涤泵', code: '17145000' },
    { name: '进水阀', code: '17145100' },
  ],
  water_heater: [
    { name: '加热管', code: '17151000' },
    { name: '温控器', code: '17151100' },
    { name: '点火针', code: '17151200' },
    { name: '水流传感器', code: '17151300' },
  ],
  refrigerator: [
    { name: '变频板', code: '17161000' },
    { name: '风扇电机', code: '17161100' },
    { name: '门封条', code: '17161200' },
    { name: '温度传感器', code: '17161300' },
  ],
  television: [
    { name: '背光灯条', code: '17171000' },
    { name: '电源板', code: '17171100' },
    { name: '主板', code: '17171200' },
  ],
  door: [{ name: '锁芯', code: '17181000' }],
  protective_window: [{ name: '锁扣', code: '17182000' }],
};

export function partFor(r: Random, categoryCode: string): { name: string; code: string } {
  const list = partCatalogue[categoryCode];
  const part = list && list.length > 0 ? r.pick(list) : { name: '配件', code: '17100000' };
  return { name: part.name, code: `${part.code}${r.digits(4)}` };
}

export const cancelReasons = [
  '用户已自行解决，不需要上门',
  '用户购买了其他品牌，取消安装',
  '重复报单，已有工单在处理',
  '用户暂时不需要服务，以后再报',
  '经销商已上门处理',
] as const;

export const overrideReasons = [
  '用户要求由该网点上门（亲友推荐）',
  '建议网点近期投诉较多，改派邻近网点',
  '建议网点今日已满负荷，信息员电话确认后改选',
] as const;

export const redispatchNotes: Record<string, readonly string[]> = {
  wrong_address: ['用户报的门牌号有误，实际位置在邻近网点附近', '地址小区名写错，核实后改派'],
  outside_coverage: ['网点反馈超出服务半径'],
  outlet_capacity: ['网点工程师不足，今日无法安排'],
  customer_request: ['用户要求更换网点'],
  other: ['网点暂无该品类资质工程师'],
};

export const completionNotes: Record<string, readonly string[]> = {
  install: ['安装完成，试机正常，已讲解使用方法', '安装调试完毕，用户验收签字'],
  repair: ['更换故障件后试机正常', '检修完毕，清理现场，用户确认', '调整后运行正常，已告知注意事项'],
  maintenance: ['保养完成，运行正常', '清洗完毕，已向用户说明保养周期'],
  pickup_repair: ['网点维修完毕，已送回用户家中试机正常'],
  return_exchange: ['已为用户更换新机，旧机带回', '退换手续完成，新机安装试机正常'],
};

export const callbackNotes = {
  satisfied: ['用户表示满意', '用户满意，工程师服务态度好', '用户确认已修好，满意'],
  unhappy: ['用户反映问题没有彻底解决', '用户表示修好后又出现同样问题'],
  unreached: ['无人接听', '用户正忙，约稍后回访'],
} as const;

export const declineReasons = [
  '超出保修期，用户嫌维修费用高，决定不修',
  '用户考虑换新机，不需要维修',
] as const;

export const notAcceptedPositions = [
  '用户认为制冷效果不如以前，要求更换压缩机',
  '用户认为运行声音偏大，不接受检测结果',
] as const;

export const returnFaults = [
  '开机即报故障，主板不良',
  '运行异响，内部部件松动',
  '外观破损，运输损坏',
] as const;

export const contactNotes = {
  ask_visit_time: ['用户来电询问什么时候上门', '用户催问上门时间'],
  engineer_late: ['约好的时间到了，师傅还没来也没打电话', '用户等了半天没人上门'],
  time_change_disputed: ['网点改了时间，用户不同意', '用户不接受网点改约的时间'],
  parts_progress: ['用户询问配件什么时候到', '用户催配件进度'],
  other: ['用户补充故障情况', '用户更正联系电话'],
} as const;
