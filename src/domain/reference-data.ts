/** Lists the forms offer. Districts are Changchun's (the demo bureau's city). */

/** How a complaint reached the bureau. */
export const CHANNELS = ["window", "phone12333", "online", "platform", "petition", "patrol", "report"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  window: "窗口",
  phone12333: "12333 电话",
  online: "网上投诉",
  platform: "全国根治欠薪线索反映平台转办",
  petition: "12345/信访转办",
  patrol: "巡查发现",
  /** A case filed from a 举报 after its 核查 (docs/rules.md § 举报); never chosen at intake. */
  report: "举报",
};

export const DISTRICTS = [
  "南关区",
  "宽城区",
  "朝阳区",
  "二道区",
  "绿园区",
  "双阳区",
  "九台区",
  "经开区",
  "高新区",
  "净月区",
  "汽开区",
  "长春新区",
  "莲花山区",
  "中韩示范区",
  "榆树市",
  "德惠市",
  "公主岭市",
  "农安县",
] as const;
