/**
 * Demo construction projects (before the demo cases, so intake links the construction cases that name them)
 * and, after the cases, a 护薪安薪 special action of the city with two groups, inspections of three projects,
 * a risk point resolved by payment, one turned into a case and one still open; and a winter action of 朝阳区.
 */
import type { Db } from "../src/db/client.js";
import { addDays, shanghaiDate, type IsoDate } from "../src/domain/dates.js";
import { usccCheckChar } from "../src/domain/identifiers.js";
import type { GuaranteeForm } from "../src/domain/projects.js";
import type { ProjectInput } from "../src/forms/project-form.js";
import { listOffices } from "../src/models/offices.js";
import { createProject } from "../src/models/projects.js";
import { addGroup, addRisk, addRiskPayment, createAction, fileRisk, recordInspection, resolveRisk } from "../src/models/special-actions.js";
import { findUnitByName } from "../src/models/units.js";
import { viewerOfUsername } from "../src/models/users.js";

function code(seed: string): string {
  const first17 = `${seed}00000000000000000`.slice(0, 17);
  return first17 + usccCheckChar(first17);
}

const PROJECTS: { name: string; district: string; contractor: string; builder: string; safeguards: number; guarantee: GuaranteeForm | null }[] = [
  {
    name: "南湖花园三期",
    district: "朝阳区",
    contractor: "吉林省建工集团有限公司",
    builder: "长春南湖置业有限公司",
    safeguards: 5,
    guarantee: "bankGuarantee",
  },
  {
    name: "净月潭悦府一期",
    district: "朝阳区",
    contractor: "中建某局第三建设有限公司",
    builder: "长春悦府房地产开发有限公司",
    safeguards: 3,
    guarantee: "cash",
  },
  { name: "汽开区第二小学改扩建", district: "朝阳区", contractor: "长春市政建设集团", builder: "长春市教育局", safeguards: 1, guarantee: null },
  {
    name: "绿园区某厂房钢结构工程",
    district: "南关区",
    contractor: "长春某钢构有限公司",
    builder: "长春某机械制造有限公司",
    safeguards: 2,
    guarantee: "insurance",
  },
  {
    name: "长双快速路养护工程",
    district: "南关区",
    contractor: "吉林省交通建设集团",
    builder: "长春市交通运输局",
    safeguards: 5,
    guarantee: "guaranteeCompany",
  },
];

export function seedDemoProjects(db: Db, now: Date): void {
  const city = viewerOfUsername(db, "supervisor1");
  const today = shanghaiDate(now);
  PROJECTS.forEach((p, i) => {
    const startOn = addDays(today, -200 - i * 30);
    const input: ProjectInput = {
      name: p.name,
      address: `长春市${p.district}`,
      district: p.district,
      builderName: p.builder,
      builderUscc: code(`9122010${i}MA0Y8${i}`),
      contractorName: p.contractor,
      contractorUscc: code(`9122000${i}MA0Y7${i}`),
      subcontractors: [{ name: "长春宏达建筑劳务有限公司", uscc: code(`9122010${i}MA0Y6${i}`) }],
      contractFen: (3_000 + i * 1_700) * 1_000_000,
      startOn,
      endOn: addDays(startOn, 540),
      wageAccountBank: p.safeguards >= 2 ? "中国建设银行长春分行" : "",
      wageAccountOpenedOn: p.safeguards >= 2 ? addDays(startOn, -10) : null,
      realName: p.safeguards >= 3,
      contractorPays: p.safeguards >= 4,
      guaranteeForm: p.guarantee,
      guaranteeFen: p.guarantee ? (30 + i * 10) * 1_000_000 : 0,
      guarantor: p.guarantee ? "中国建设银行长春分行" : "",
      guaranteeFrom: p.guarantee && p.guarantee !== "cash" ? addDays(startOn, -5) : null,
      guaranteeUntil: p.guarantee && p.guarantee !== "cash" ? addDays(startOn, 600) : null,
      noticeBoard: p.safeguards >= 5,
    };
    createProject(db, input, city, now);
  });
}

export function seedDemoActions(db: Db, now: Date): void {
  const city = viewerOfUsername(db, "supervisor1");
  const cy = viewerOfUsername(db, "supervisor_cy");
  const today = shanghaiDate(now);
  const officeId = (name: string) => listOffices(db).find((o) => o.name === name)!.id;
  const zjj = findUnitByName(db, "市住建局")!.id;
  const projectId = (name: string) => db.$client.prepare("select id from projects where name = ?").pluck().get(name) as number;
  const on = (days: number): IsoDate => addDays(today, -days);

  const action = createAction(
    db,
    { name: "“护薪安薪”专项行动", startsOn: on(40), endsOn: addDays(today, 20), scope: "全市在建工程建设项目、劳动密集型企业" },
    city,
    now,
  );
  const cyOffice = officeId("朝阳区劳动保障监察大队");
  const ngOffice = officeId("南关区劳动保障监察大队");
  const groups = [
    addGroup(
      db,
      action,
      {
        name: "朝阳区检查组",
        leader: "冯磊",
        officeId: cyOffice,
        members: [
          { name: "郑雪", from: `office:${cyOffice}` },
          { name: "住建局 孙工", from: `unit:${zjj}` },
        ],
      },
      city,
      now,
    ),
    addGroup(
      db,
      action,
      { name: "南关区检查组", leader: "南关 监察员", officeId: ngOffice, members: [{ name: "南关 科长", from: `office:${ngOffice}` }] },
      city,
      now,
    ),
  ];
  const checklist = { wageAccount: "ok", realName: "ok", contractorPays: "fail", guarantee: "ok", noticeBoard: "fail", paidMonthly: "fail" } as const;
  const inspect = (groupId: number, project: string, daysAgo: number, findings: string) =>
    recordInspection(
      db,
      action,
      { groupId, projectId: projectId(project), employerName: "", employerUscc: null, inspectedOn: on(daysAgo), persons: 3, checklist, findings },
      city,
      now,
    );
  const a = inspect(groups[0]!, "净月潭悦府一期", 30, "木工班组 9 月起工资未按月足额支付");
  const b = inspect(groups[0]!, "汽开区第二小学改扩建", 25, "未开立工资专用账户，未设置维权告示牌");
  const c = inspect(groups[1]!, "绿园区某厂房钢结构工程", 20, "钢结构班组工资拖欠两个月");
  const paid = addRisk(
    db,
    action,
    a,
    { description: "木工班组 18 人工资拖欠", amountFen: 42_600_000, workers: 18, responsible: "中建某局第三建设有限公司", resolveBy: on(15) },
    city,
    now,
  );
  addRiskPayment(db, action, paid, { paidOn: on(18), amountFen: 42_600_000, workers: 18, proof: "工资专户代发回单" }, city, now);
  resolveRisk(db, action, paid, city, now);
  const filed = addRisk(
    db,
    action,
    b,
    { description: "瓦工班组工程款纠纷致欠薪", amountFen: 15_800_000, workers: 7, responsible: "长春市政建设集团", resolveBy: on(10) },
    city,
    now,
  );
  const caseNumber = db.$client.prepare("select case_number from cases where office_id = ? order by id limit 1").pluck().get(cyOffice) as string | undefined;
  if (caseNumber) fileRisk(db, action, filed, caseNumber, city, now);
  addRisk(
    db,
    action,
    c,
    { description: "钢结构班组工资拖欠", amountFen: 23_000_000, workers: 11, responsible: "长春某钢构有限公司", resolveBy: addDays(today, 3) },
    city,
    now,
  );

  createAction(db, { name: "冬季根治欠薪专项行动", startsOn: on(5), endsOn: addDays(today, 60), scope: "朝阳区在建项目" }, cy, now);
}
