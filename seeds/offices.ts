/**
 * The demo city's offices (长春): the city office (市本级/支队) and 17 offices of the 县(市)区/开发区 — 5 城区,
 * 6 开发区 and 6 县(市)区, as the bureau's own report counts them ("11 城区/开发区 and 6 县(市)区") — each
 * covering its administrative divisions. Phones and addresses are demo values.
 */
export interface DemoOffice {
  name: string;
  docPrefix: string;
  divisions: string[];
}

export const DEMO_CITY_OFFICE = {
  name: "长春市劳动保障监察支队（市本级）",
  phone: "0431-88000000",
  address: "长春市人力资源和社会保障局劳动保障监察支队",
  docPrefix: "长人社监",
};

const office = (district: string, docPrefix: string, divisions: string[] = [district]): DemoOffice => ({
  name: `${district}劳动保障监察大队`,
  docPrefix,
  divisions,
});

export const DEMO_DISTRICT_OFFICES: DemoOffice[] = [
  office("南关区", "长南人社监"),
  office("宽城区", "长宽人社监"),
  office("朝阳区", "长朝人社监"),
  office("二道区", "长二人社监"),
  office("绿园区", "长绿人社监"),
  office("经开区", "长经开人社监"),
  office("高新区", "长高新人社监"),
  office("净月区", "长净月人社监"),
  office("汽开区", "长汽开人社监"),
  office("长春新区", "长新区人社监", ["长春新区", "中韩示范区"]),
  office("莲花山区", "长莲人社监"),
  office("双阳区", "长双人社监"),
  office("九台区", "长九人社监"),
  office("榆树市", "榆人社监"),
  office("德惠市", "德人社监"),
  office("公主岭市", "公人社监"),
  office("农安县", "农人社监"),
];

/** A demo phone and address for an office, from its place in the list. */
export function demoContact(i: number, district: string): { phone: string; address: string } {
  return { phone: `0431-8800${String(i + 1).padStart(4, "0")}`, address: `${district}政务服务中心劳动保障监察窗口` };
}
