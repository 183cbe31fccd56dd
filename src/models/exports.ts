/**
 * Spreadsheet exports (docs/rules.md “监督统计”): the rows, in chunks read by id so a 100,000-row export never holds
 * more than one chunk and never keeps a statement open while the response drains. Personal data (身份证号,
 * 手机号) is masked unless the caller asked for it in full and may have it.
 */
import { aliasedTable, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cases, users } from "../db/schema.js";
import type { CaseListScope, Viewer } from "../domain/case-abilities.js";
import { OUTCOME_LABELS, STATE_LABELS } from "../domain/case-states.js";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import type { IsoDate } from "../domain/dates.js";
import { maskIdNumber, maskPhone } from "../domain/masking.js";
import { ID_TYPE_LABELS, type IdType } from "../domain/identifiers.js";
import { CHANNEL_LABELS } from "../domain/reference-data.js";
import { TASK_STATUS_LABELS } from "../domain/task-force.js";
import { filteredCaseIds, type CaseFilters } from "./case-list.js";
import { countExported, recordPersonalDataExport } from "./personal-data-views.js";
import { listTasksFor } from "./task-force.js";
import type { PeriodStatistics } from "./statistics.js";
import type { CityBoard, LateCase } from "./city-board.js";
import { SIGNAL_LABELS } from "../domain/city-board.js";
import type { fundAdvances, fundsOverview } from "./emergency-fund.js";

export type CellKind = "text" | "int" | "money" | "date" | "share" | "decimal";

/** Method signatures (not function-typed properties), so sheets of any row type fit `ExportSheet<unknown>`. */
export interface ExportColumn<R> {
  header: string;
  kind: CellKind;
  /** Where one column mixes kinds (the summary sheet), the kind of this row's cell. */
  kindFor?(row: R): CellKind;
  value(row: R): string | number | null;
  width?: number;
}

export interface ExportSheet<R> {
  name: string;
  columns: ExportColumn<R>[];
  /** Chunks of rows; each chunk is read completely before it is handed out. */
  chunks(): Iterable<R[]>;
}

export const EXPORT_CHUNK = 1000;

const col = <R>(header: string, kind: CellKind, value: (row: R) => string | number | null, width?: number): ExportColumn<R> => ({ header, kind, value, width });

// ---- The workbench's case list --------------------------------------------------------------------

/** A column (or an expression over `w`) of the case's representative worker. */
const representative = (expression: string) =>
  sql<string>`(select ${sql.raw(expression)} from case_workers w where w.case_id = "cases"."id" order by w.is_representative desc, w.id limit 1)`;

const leadUser = aliasedTable(users, "lead_user");

function caseRows(db: Db, ids: number[]) {
  return db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      outcome: cases.outcome,
      channel: cases.channel,
      receivedOn: cases.receivedOn,
      employerName: cases.employerName,
      employerUscc: cases.employerUscc,
      district: cases.district,
      isConstruction: cases.isConstruction,
      projectName: cases.projectName,
      leadName: leadUser.displayName,
      representative: representative("w.name"),
      idType: representative("w.id_type") as SQL<IdType | null>,
      idNumber: representative("w.id_number"),
      phone: representative("w.phone"),
      // No mobile: the landline, else the relative's phone (docs/rules.md §Identity documents).
      otherPhone: representative("coalesce(nullif(w.landline, ''), w.relative_phone)"),
      workerCount: sql<number>`(select count(*) from case_workers w where w.case_id = "cases"."id")`,
      claimedFen: sql<number>`(select coalesce(sum(w.claimed_fen), 0) from case_workers w where w.case_id = "cases"."id")`,
      recoveredFen: sql<number | null>`(select sum(w.recovered_fen) from case_workers w where w.case_id = "cases"."id")`,
      acceptanceDueOn: cases.acceptanceDueOn,
      targetDueOn: cases.targetDueOn,
      statutoryDueOn: cases.statutoryDueOn,
      closedOn: cases.closedOn,
      workingDaysTaken: cases.workingDaysTaken,
    })
    .from(cases)
    .leftJoin(leadUser, eq(leadUser.id, cases.leadInspectorId))
    .where(inArray(cases.id, ids))
    .orderBy(asc(cases.id))
    .all();
}
type CaseRow = ReturnType<typeof caseRows>[number];

/**
 * The workbench's filtered list, in case-number order, every matching case (not just one page). ID numbers
 * and phones in full only when asked for and the list is not the inspectors' masked read-all search; such an
 * export is recorded once, with its filter and the number of cases sent so far.
 */
export function caseListSheet(
  db: Db,
  scope: CaseListScope,
  filters: CaseFilters,
  today: IsoDate,
  opts: { fullPersonalData: boolean; filter: string; viewer: { userId: number; now: Date } },
): ExportSheet<CaseRow> {
  const full = opts.fullPersonalData && !(scope.kind === "all" && scope.access === "masked");
  const id = full ? (v: string | null) => v ?? "" : maskIdNumber;
  const phone = full ? (v: string | null) => v ?? "" : maskPhone;
  return {
    name: "案件清单",
    columns: [
      col<CaseRow>("案件编号", "text", (r) => r.caseNumber, 18),
      col("状态", "text", (r) => STATE_LABELS[r.state], 10),
      col("结案方式", "text", (r) => (r.outcome ? OUTCOME_LABELS[r.outcome] : ""), 14),
      col("来源", "text", (r) => CHANNEL_LABELS[r.channel], 14),
      col("收到日期", "date", (r) => r.receivedOn, 12),
      col("被投诉单位", "text", (r) => r.employerName, 28),
      col("统一社会信用代码", "text", (r) => r.employerUscc ?? "", 22),
      col("区县", "text", (r) => r.district, 10),
      col("工程建设领域", "text", (r) => (r.isConstruction ? "是" : "否"), 8),
      col("工程项目", "text", (r) => r.projectName, 20),
      col("主办监察员", "text", (r) => r.leadName ?? "", 10),
      col("投诉人（代表）", "text", (r) => r.representative ?? "", 10),
      col("证件类型", "text", (r) => (r.idType ? ID_TYPE_LABELS[r.idType] : ""), 14),
      col("身份证号", "text", (r) => id(r.idNumber), 22),
      col("手机号", "text", (r) => phone(r.phone), 14),
      col("其他电话", "text", (r) => phone(r.otherPhone), 16),
      col("投诉人数", "int", (r) => r.workerCount, 8),
      col("诉求金额", "money", (r) => r.claimedFen, 14),
      col("追回金额", "money", (r) => r.recoveredFen, 14),
      col("受理期限", "date", (r) => r.acceptanceDueOn, 12),
      col("办结目标日", "date", (r) => r.targetDueOn, 12),
      col("法定办案期限", "date", (r) => r.statutoryDueOn, 12),
      col("结案日期", "date", (r) => r.closedOn, 12),
      col("办结工作日", "int", (r) => r.workingDaysTaken, 10),
    ],
    *chunks() {
      const exportId = full ? recordPersonalDataExport(db, { userId: opts.viewer.userId, filter: opts.filter, now: opts.viewer.now }) : null;
      for (let after = 0; ; ) {
        const ids = filteredCaseIds(db, scope, filters, today, after, EXPORT_CHUNK);
        if (ids.length === 0) return;
        const rows = caseRows(db, ids);
        if (exportId !== null) countExported(db, exportId, rows.length);
        yield rows;
        after = ids[ids.length - 1]!;
      }
    },
  };
}

// ---- The task-force board -------------------------------------------------------------------------

type TaskRow = ReturnType<typeof listTasksFor>[number];

export function taskBoardSheet(db: Db, viewer: Viewer, today: IsoDate): ExportSheet<TaskRow> {
  return {
    name: "专班任务",
    columns: [
      col<TaskRow>("案件编号", "text", (t) => t.caseNumber, 18),
      col("被投诉单位", "text", (t) => t.employerName, 28),
      col("成员单位", "text", (t) => t.unitName, 14),
      col("办理事项", "text", (t) => t.request, 40),
      col("派发日期", "date", (t) => t.assignedOn, 12),
      col("期限（工作日）", "int", (t) => t.workingDays, 10),
      col("到期日", "date", (t) => t.dueOn, 12),
      col("期限状态", "text", (t) => CLOCK_STATUS_LABELS[t.clock.status], 10),
      col("办理状态", "text", (t) => TASK_STATUS_LABELS[t.status], 10),
      col("答复", "text", (t) => t.answer, 40),
    ],
    *chunks() {
      yield listTasksFor(db, viewer, today);
    },
  };
}

// ---- Statistics tables ----------------------------------------------------------------------------

type Month = PeriodStatistics["byMonth"][number];
type District = PeriodStatistics["byDistrict"][number];
type Industry = PeriodStatistics["byIndustry"][number];
type Channel = PeriodStatistics["byChannel"][number];

const closedColumns = <R extends Month | District | Industry>(): ExportColumn<R>[] => [
  col<R>("办结", "int", (r) => r.closed),
  col<R>("8个工作日内办结", "int", (r) => r.within),
  col<R>("8个工作日内办结率", "share", (r) => r.withinShare),
  col<R>("平均办结工作日", "decimal", (r) => r.averageDays),
  col<R>("帮助人数", "int", (r) => r.workers),
  col<R>("追回工资", "money", (r) => r.recoveredFen, 14),
];

const once = <R>(rows: R[]) =>
  function* () {
    yield rows;
  };

type Satisfaction = PeriodStatistics["satisfaction"]["byOffice"][number];

/** 好差评 columns (docs/rules.md § 好差评): the counts and the three rates. */
const satisfactionColumns = (label: string): ExportColumn<Satisfaction>[] => [
  col<Satisfaction>(label, "text", (r) => r.name ?? "", 24),
  col<Satisfaction>("评价数", "int", (r) => r.rated),
  col<Satisfaction>("满意（含基本满意）", "int", (r) => r.good),
  col<Satisfaction>("满意率", "share", (r) => r.satisfaction),
  col<Satisfaction>("差评", "int", (r) => r.poor),
  col<Satisfaction>("已回访", "int", (r) => r.followedUp),
  col<Satisfaction>("差评回访率", "share", (r) => r.followupRate),
  col<Satisfaction>("问题属实", "int", (r) => r.justified),
  col<Satisfaction>("已整改", "int", (r) => r.rectified),
  col<Satisfaction>("整改率", "share", (r) => r.rectificationRate),
];

export const STATISTICS_TABLES = ["months", "channels", "industries", "districts", "satisfaction-offices", "satisfaction-inspectors"] as const;
export type StatisticsTable = (typeof STATISTICS_TABLES)[number];

export function statisticsSheet(s: PeriodStatistics, table: StatisticsTable) {
  const sheets = {
    months: {
      name: "按月",
      columns: [col<Month>("月份", "text", (r) => r.month, 10), col<Month>("收到投诉", "int", (r) => r.received), ...closedColumns<Month>()],
      chunks: once(s.byMonth),
    },
    channels: {
      name: "按来源",
      columns: [
        col<Channel>("来源", "text", (r) => CHANNEL_LABELS[r.key as keyof typeof CHANNEL_LABELS] ?? r.key, 24),
        col<Channel>("收到投诉", "int", (r) => r.received),
      ],
      chunks: once(s.byChannel),
    },
    industries: {
      name: "按行业",
      columns: [
        col<Industry>("行业", "text", (r) => (r.construction ? "工程建设领域" : "其他行业"), 14),
        col<Industry>("收到投诉", "int", (r) => r.received),
        ...closedColumns<Industry>(),
      ],
      chunks: once(s.byIndustry),
    },
    districts: {
      name: "按区县",
      columns: [col<District>("区县", "text", (r) => r.district, 12), col<District>("收到投诉", "int", (r) => r.received), ...closedColumns<District>()],
      chunks: once(s.byDistrict),
    },
    "satisfaction-offices": { name: "好差评按机构", columns: satisfactionColumns("监察机构"), chunks: once(s.satisfaction.byOffice) },
    "satisfaction-inspectors": { name: "好差评按监察员", columns: satisfactionColumns("监察员（结案时主办）"), chunks: once(s.satisfaction.byInspector) },
  };
  return sheets[table];
}

type Summary = { label: string; value: string | number | null; kind: CellKind };

/** The headline figures and the summary sentence, as a first sheet. */
export function statisticsSummarySheet(s: PeriodStatistics): ExportSheet<Summary> {
  const rows: Summary[] = [
    { label: "统计期间", value: `${s.period.from} 至 ${s.period.to}`, kind: "text" },
    { label: "收到投诉（件）", value: s.receivedTotal, kind: "int" },
    { label: "办结案件（件）", value: s.figures.casesClosed, kind: "int" },
    { label: "帮助农民工（人）", value: s.figures.workersHelped, kind: "int" },
    { label: "追回工资", value: s.figures.recoveredFen, kind: "money" },
    { label: "平均办结工作日", value: s.averageDays, kind: "decimal" },
    { label: "8个工作日内办结率", value: s.withinShare, kind: "share" },
    { label: "比法定60个工作日提高", value: s.improvement, kind: "share" },
    { label: "快调化解（件）", value: s.figures.mediatedCases, kind: "int" },
    { label: "快调化解追回", value: s.figures.mediatedFen, kind: "money" },
    { label: "提请专班合办（件）", value: s.taskForce, kind: "int" },
    { label: "移送公安（件）", value: s.police, kind: "int" },
    { label: "通报用语", value: s.sentence, kind: "text" },
  ];
  return {
    name: "概况",
    columns: [col<Summary>("项目", "text", (r) => r.label, 22), { header: "数值", kind: "text", kindFor: (r) => r.kind, value: (r) => r.value, width: 60 }],
    chunks: once(rows),
  };
}

// ---- The city's oversight board and its 通报 ---------------------------------------------------------

type BoardRow = CityBoard["offices"][number];

/** The board as the 通报 ranks it: one row per office, then the city's totals. */
export function cityBoardSheet(board: CityBoard): ExportSheet<BoardRow | (CityBoard["city"] & { rank: null; name: string })> {
  type Row = BoardRow | (CityBoard["city"] & { rank: null; name: string });
  return {
    name: "排名",
    columns: [
      col<Row>("排名", "int", (r) => r.rank, 6),
      col<Row>("监察机构", "text", (r) => r.name, 26),
      col<Row>("红黄绿", "text", (r) => SIGNAL_LABELS[r.signal], 8),
      col<Row>("在办", "int", (r) => r.open),
      col<Row>("待签收", "int", (r) => r.acknowledgeWaiting),
      col<Row>("签收超时", "int", (r) => r.acknowledgeLate),
      col<Row>("超8个工作日目标", "int", (r) => r.targetLate),
      col<Row>("超法定办案期限", "int", (r) => r.statutoryLate),
      col<Row>("期间办结", "int", (r) => r.closed),
      col<Row>("平均办结工作日", "decimal", (r) => r.averageDays),
      col<Row>("8个工作日内办结率", "share", (r) => r.withinShare),
      col<Row>("追回工资", "money", (r) => r.recoveredFen, 14),
      col<Row>("帮助人数", "int", (r) => r.workersHelped),
    ],
    chunks: once<Row>([...board.offices, { ...board.city, rank: null, name: "全市合计" }]),
  };
}

/** The late cases the 通报 lists, with their office. */
export function lateCasesSheet(rows: LateCase[]): ExportSheet<LateCase> {
  return {
    name: "超期案件",
    columns: [
      col<LateCase>("监察机构", "text", (r) => r.officeName, 26),
      col<LateCase>("案件编号", "text", (r) => r.caseNumber, 18),
      col<LateCase>("被投诉单位", "text", (r) => r.employerName, 28),
      col<LateCase>("收到日期", "date", (r) => r.receivedOn, 12),
      col<LateCase>("办结目标日", "date", (r) => r.targetDueOn, 12),
      col<LateCase>("超法定办案期限", "text", (r) => (r.statutoryLate ? "是" : "否"), 10),
    ],
    chunks: once(rows),
  };
}

// ---- 应急周转金 (docs/rules.md §应急周转金) ----------------------------------------------------------

type FundRow = ReturnType<typeof fundsOverview>["rows"][number];

/** Each office's fund: capital, adjustments, advanced, recovered, outstanding, balance; and the total. */
export function fundsSheet(overview: ReturnType<typeof fundsOverview>): ExportSheet<FundRow> {
  return {
    name: "应急周转金",
    columns: [
      col<FundRow>("监察机构", "text", (r) => r.name, 26),
      col<FundRow>("注资", "money", (r) => r.capitalFen, 14),
      col<FundRow>("调整", "money", (r) => r.adjustedFen, 12),
      col<FundRow>("累计垫付", "money", (r) => r.advancedFen, 14),
      col<FundRow>("累计收回", "money", (r) => r.recoveredFen, 14),
      col<FundRow>("尚未收回", "money", (r) => r.outstandingFen, 14),
      col<FundRow>("余额", "money", (r) => r.balanceFen, 14),
    ],
    chunks: once<FundRow>([...overview.rows, { officeId: 0, name: "合计", ...overview.total }]),
  };
}

type AdvanceRow = ReturnType<typeof fundAdvances>[number];

/** Every paid advance of the offices, with its case, recovery and clock. */
export function fundAdvancesSheet(rows: AdvanceRow[]): ExportSheet<AdvanceRow> {
  return {
    name: "垫付与追偿",
    columns: [
      col<AdvanceRow>("监察机构", "text", (r) => r.officeName, 26),
      col<AdvanceRow>("案件编号", "text", (r) => r.caseNumber, 18),
      col<AdvanceRow>("被投诉单位", "text", (r) => r.employerName, 28),
      col<AdvanceRow>("垫付日期", "date", (r) => r.paidOn),
      col<AdvanceRow>("垫付金额", "money", (r) => r.totalFen, 14),
      col<AdvanceRow>("追偿对象", "text", (r) => `${r.recoverFromLabel} ${r.recoverFromName}`, 28),
      col<AdvanceRow>("已收回", "money", (r) => r.recoveredFen, 14),
      col<AdvanceRow>("尚未收回", "money", (r) => r.outstandingFen, 14),
      col<AdvanceRow>("追偿期限", "date", (r) => r.recoveryDueOn),
      col<AdvanceRow>("追偿状态", "text", (r) => r.recoveryLabel, 10),
    ],
    chunks: once<AdvanceRow>(rows),
  };
}
