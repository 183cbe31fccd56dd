import { describe, expect, it } from "vitest";
import {
  CITY_BY_REQUEST,
  DEFAULT_MAJOR_CASE,
  OUTSIDE_EVERY_OFFICE,
  SECOND_TRANSFER_REFUSED,
  designationProblem,
  designationRequestProblem,
  majorCaseReason,
  mayPrintTransferLetter,
  routeByWorkSite,
  transferProblem,
  type DivisionRef,
  type OfficeRef,
} from "../../src/domain/jurisdiction.js";

const CITY: OfficeRef = { id: 1, name: "市本级", kind: "city", active: true };
const NANGUAN: OfficeRef = { id: 2, name: "南关区劳动保障监察大队", kind: "district", active: true };
const XINQU: OfficeRef = { id: 3, name: "长春新区劳动保障监察大队", kind: "district", active: true };
const CLOSED_DOWN: OfficeRef = { id: 4, name: "已撤并大队", kind: "district", active: false };
const OFFICES = [CITY, NANGUAN, XINQU, CLOSED_DOWN];
const DIVISIONS: DivisionRef[] = [
  { id: 10, name: "南关区", officeId: NANGUAN.id },
  { id: 11, name: "长春新区", officeId: XINQU.id },
  { id: 12, name: "中韩示范区", officeId: XINQU.id },
  { id: 13, name: "莲花山区", officeId: null },
  { id: 14, name: "旧开发区", officeId: CLOSED_DOWN.id },
];

describe("routeByWorkSite (条例 第十三条: 用工所在地)", () => {
  it("sends a case to the office covering the work site's division", () => {
    const r = routeByWorkSite("南关区", DIVISIONS, OFFICES);
    expect(r).toEqual({ ok: true, office: NANGUAN, division: DIVISIONS[0] });
  });

  it("sends every division an office covers to that office (长春新区 covers 中韩示范区 too)", () => {
    const r = routeByWorkSite("中韩示范区", DIVISIONS, OFFICES);
    expect(r.ok && r.office.id).toBe(XINQU.id);
  });

  it("refuses a work site no office covers, or one whose office is deactivated, naming the rule", () => {
    expect(routeByWorkSite("莲花山区", DIVISIONS, OFFICES)).toEqual({ ok: false, problem: OUTSIDE_EVERY_OFFICE });
    expect(routeByWorkSite("旧开发区", DIVISIONS, OFFICES)).toEqual({ ok: false, problem: OUTSIDE_EVERY_OFFICE });
    expect(OUTSIDE_EVERY_OFFICE).toContain("第十三条");
  });

  it("asks for a division when the work site is not one", () => {
    expect(routeByWorkSite("火星", DIVISIONS, OFFICES)).toEqual({ ok: false, problem: "请选择用工所在地（行政区划）" });
  });
});

describe("transferProblem (移送)", () => {
  const routed = { officeId: NANGUAN.id, arrivedBy: "routed" as const, isOpen: true };

  it("lets the office that received a case by routing transfer it once to another active office", () => {
    expect(transferProblem(routed, XINQU)).toBeNull();
  });

  it("refuses a transfer to the same office", () => {
    expect(transferProblem(routed, NANGUAN)).toBe("不能移送给本机构：请选择有管辖权的其他监察机构。");
  });

  it("refuses to transfer a closed case", () => {
    expect(transferProblem({ ...routed, isOpen: false }, XINQU)).toBe("已结案的案件不能移送。");
  });

  it("refuses a deactivated or unknown receiving office", () => {
    expect(transferProblem(routed, CLOSED_DOWN)).toBe("请选择在用的受移送监察机构。");
    expect(transferProblem(routed, undefined)).toBe("请选择在用的受移送监察机构。");
  });

  it("refuses a second transfer with the rule's wording: the receiving office asks the city to designate", () => {
    expect(transferProblem({ ...routed, officeId: XINQU.id, arrivedBy: "transferred" }, NANGUAN)).toBe(SECOND_TRANSFER_REFUSED);
    expect(SECOND_TRANSFER_REFUSED).toContain("不得再自行移送");
    expect(SECOND_TRANSFER_REFUSED).toContain("报请市级指定管辖");
  });

  it("refuses a transfer to the city office: the office asks the city in writing to take the case (提级)", () => {
    expect(transferProblem(routed, CITY)).toBe(CITY_BY_REQUEST);
    expect(CITY_BY_REQUEST).toContain("第九条");
  });

  it("refuses to transfer a case the city designated: its decision is final", () => {
    expect(transferProblem({ ...routed, arrivedBy: "designated" }, XINQU)).toBe(SECOND_TRANSFER_REFUSED);
  });
});

describe("designationProblem (指定管辖, 提级)", () => {
  const transferred = { officeId: XINQU.id, arrivedBy: "transferred" as const, isOpen: true };

  it("lets only the city designate", () => {
    expect(designationProblem(transferred, { cityWide: false }, NANGUAN)).toBe("指定管辖只能由市级（市本级）作出，请报请市级指定。");
    expect(designationProblem(transferred, { cityWide: true }, NANGUAN)).toBeNull();
  });

  it("lets the city take a case itself (提级)", () => {
    expect(designationProblem(transferred, { cityWide: true }, CITY)).toBeNull();
  });

  it("refuses the office that already has the case, a deactivated office and a closed case", () => {
    expect(designationProblem(transferred, { cityWide: true }, XINQU)).toBe("本案已由该机构办理，请选择其他机构。");
    expect(designationProblem(transferred, { cityWide: true }, CLOSED_DOWN)).toBe("请选择在用的监察机构。");
    expect(designationProblem({ ...transferred, isOpen: false }, { cityWide: true }, NANGUAN)).toBe("已结案的案件不能指定管辖。");
  });
});

describe("designationRequestProblem (报请市级: 指定管辖 or 提级)", () => {
  const transferred = { officeId: XINQU.id, arrivedBy: "transferred" as const, isOpen: true, designationRequested: false };

  it("is how an office that received a case by transfer disputes its jurisdiction, once", () => {
    expect(designationRequestProblem(transferred)).toBeNull();
    expect(designationRequestProblem({ ...transferred, designationRequested: true })).toBe("已报请市级，请等待市级决定。");
  });

  it("is how an office asks the city to take a case of its own (提级)", () => {
    expect(designationRequestProblem({ ...transferred, arrivedBy: "routed" })).toBeNull();
  });

  it("is not for a case the city designated (its decision is final) nor for a closed case", () => {
    expect(designationRequestProblem({ ...transferred, arrivedBy: "designated" })).toBe("本案系市级指定管辖，市级的决定为最终决定。");
    expect(designationRequestProblem({ ...transferred, isOpen: false })).toBe("已结案的案件不能报请市级。");
  });
});

describe("majorCaseReason (offered to the city for 提级; thresholds are settings)", () => {
  const small = { workerCount: 3, claimedFen: 2_000_000, massIncident: false };

  it("offers a case at the workers threshold, at the amount threshold or flagged as a mass incident", () => {
    expect(majorCaseReason(small, DEFAULT_MAJOR_CASE)).toBeNull();
    expect(majorCaseReason({ ...small, workerCount: 29 }, DEFAULT_MAJOR_CASE)).toBeNull();
    expect(majorCaseReason({ ...small, workerCount: 30 }, DEFAULT_MAJOR_CASE)).toBe("投诉人 30 人，达到 30 人");
    expect(majorCaseReason({ ...small, claimedFen: 99_999_999 }, DEFAULT_MAJOR_CASE)).toBeNull();
    expect(majorCaseReason({ ...small, claimedFen: 100_000_000 }, DEFAULT_MAJOR_CASE)).toBe("诉求金额达到 100 万元");
    expect(majorCaseReason({ ...small, massIncident: true }, DEFAULT_MAJOR_CASE)).toBe("涉及群体性事件");
  });

  it("follows the settings", () => {
    expect(majorCaseReason({ ...small, workerCount: 10 }, { workers: 10, claimedFen: 50_000_000 })).toBe("投诉人 10 人，达到 10 人");
  });
});

describe("mayPrintTransferLetter (who prints a 案件移送函)", () => {
  const move = { fromOfficeId: 2, toOfficeId: 3 };
  it("lets whoever may print the case's documents print it", () => {
    expect(mayPrintTransferLetter({ printDocuments: true }, { role: "inspector", officeId: 9 }, move)).toBe(true);
  });
  it("lets the supervisor of the sending or the receiving office print it, though the case has gone", () => {
    expect(mayPrintTransferLetter({ printDocuments: false }, { role: "supervisor", officeId: 2 }, move)).toBe(true);
    expect(mayPrintTransferLetter({ printDocuments: false }, { role: "supervisor", officeId: 3 }, move)).toBe(true);
  });
  it("refuses another office's supervisor and the two offices' other staff", () => {
    expect(mayPrintTransferLetter({ printDocuments: false }, { role: "supervisor", officeId: 4 }, move)).toBe(false);
    expect(mayPrintTransferLetter({ printDocuments: false }, { role: "clerk", officeId: 2 }, move)).toBe(false);
    expect(mayPrintTransferLetter({ printDocuments: false }, { role: "supervisor", officeId: null }, move)).toBe(false);
  });
});
