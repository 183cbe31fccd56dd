/**
 * The bulk database's construction projects and special actions, in proportion to its cases: one project per
 * 20 cases (the demo city's platform held 928 projects against roughly 19,000 cases a year), two special
 * actions a year in every office (护薪安薪 and the winter action) with three groups each, and inspections,
 * risk points and payments at the rates of the seed report (341 projects checked, 496 risk points).
 */
import type Database from "better-sqlite3";
import { addDays, type IsoDate } from "../src/domain/dates.js";
import { usccCheckChar } from "../src/domain/identifiers.js";
import { GUARANTEE_FORMS } from "../src/domain/projects.js";

interface Rng {
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

const KINDS = ["住宅小区", "商业综合体", "学校改扩建", "道路改造", "厂房", "安置房", "医院门诊楼", "污水处理厂"];

export function bulkPrevention(
  sqlite: Database.Database,
  opts: { cases: number; today: IsoDate; years: number; rng: Rng; sites: { id: number; name: string; officeId: number }[]; actorId: number },
): { projects: number; actions: number; inspections: number; risks: number } {
  const { rng, today } = opts;
  const code = (n: number) => {
    const first17 = `9122${String(n).padStart(13, "0")}`.slice(0, 17);
    return first17 + usccCheckChar(first17);
  };
  const insertProject =
    sqlite.prepare(`insert into projects (office_id, division_id, name, address, builder_name, builder_uscc, contractor_name, contractor_uscc,
    contract_fen, start_on, end_on, wage_account_bank, wage_account_opened_on, real_name, contractor_pays, guarantee_form, guarantee_fen, guarantor, guarantee_from,
    guarantee_until, notice_board, missing_count, created_by_id) values (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const projectCount = Math.max(1, Math.round(opts.cases / 20));
  const span = Math.round(opts.years * 365.25);
  const byOffice = new Map<number, { id: number; startOn: IsoDate }[]>();
  const offices = [...new Set(opts.sites.map((s) => s.officeId))];
  sqlite.transaction(() => {
    for (let n = 1; n <= projectCount; n++) {
      const site = rng.pick(opts.sites);
      const startOn = addDays(today, -rng.int(30, span));
      const account = rng.chance(0.83);
      const realName = rng.chance(0.9);
      const pays = rng.chance(0.85);
      const form = rng.chance(0.8) ? rng.pick(GUARANTEE_FORMS) : null;
      const board = rng.chance(0.75);
      const missing = [account, realName, pays, form !== null, board].filter((x) => !x).length;
      const contract = rng.int(3, 800) * 1_000_000_00;
      const id = Number(
        insertProject.run(
          site.officeId,
          site.id,
          `${site.name}${rng.pick(KINDS)}${n}号工程`,
          `长春某置业有限公司${n % 500}`,
          code(n * 2),
          `吉林某建工集团有限公司${n % 300}`,
          code(n * 2 + 1),
          contract,
          startOn,
          addDays(startOn, rng.int(300, 900)),
          account ? "中国建设银行长春分行" : "",
          account ? startOn : null,
          realName ? 1 : 0,
          pays ? 1 : 0,
          form,
          form ? Math.round(contract * 0.02) : 0,
          form ? "中国建设银行长春分行" : "",
          form && form !== "cash" ? startOn : null,
          form && form !== "cash" ? addDays(startOn, 1000) : null,
          board ? 1 : 0,
          missing,
          opts.actorId,
        ).lastInsertRowid,
      );
      byOffice.set(site.officeId, [...(byOffice.get(site.officeId) ?? []), { id, startOn }]);
    }
  })();

  const insertAction = sqlite.prepare("insert into special_actions (office_id, name, starts_on, ends_on, scope, created_by_id) values (?, ?, ?, ?, ?, ?)");
  const insertGroup = sqlite.prepare("insert into inspection_groups (action_id, office_id, name, leader) values (?, ?, ?, '组长')");
  const insertMember = sqlite.prepare("insert into inspection_group_members (group_id, name, office_id) values (?, '组员', ?)");
  const insertInspection = sqlite.prepare(`insert into inspections (action_id, group_id, project_id, employer_name, employer_uscc, inspected_on, persons,
    wage_account, real_name, contractor_pays, guarantee, notice_board, paid_monthly, findings, recorded_by_id)
    select ?, ?, id, contractor_name, contractor_uscc, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from projects where id = ?`);
  const insertRisk =
    sqlite.prepare(`insert into risk_points (action_id, inspection_id, description, amount_fen, workers, responsible, found_on, resolve_by, status, ended_on)
    values (?, ?, '班组工资未按月足额支付', ?, ?, '施工总承包单位', ?, ?, ?, ?)`);
  const linkCase = sqlite.prepare("update risk_points set case_id = ? where id = ?");
  // A risk turned into a case names one of the office's construction cases received since it was found.
  const caseOf = sqlite.prepare(
    "select id from cases indexed by cases_office_received_figures_idx where office_id = ? and received_on >= ? and is_construction = 1 order by received_on limit 1",
  );
  const insertPayment = sqlite.prepare(
    "insert into risk_payments (risk_id, paid_on, amount_fen, workers, proof, recorded_by_id) values (?, ?, ?, ?, '代发回单', ?)",
  );
  const result = { projects: projectCount, actions: 0, inspections: 0, risks: 0 };
  const check = () => (rng.chance(0.8) ? "ok" : "fail");
  sqlite.transaction(() => {
    for (let y = 0; y < Math.ceil(opts.years); y++) {
      for (const [k, name] of ["“护薪安薪”专项行动", "冬季根治欠薪专项行动"].entries()) {
        const startsOn = addDays(today, -365 * (y + 1) + 120 * k + 30);
        if (startsOn > today) continue;
        const endsOn = addDays(startsOn, 60);
        for (const officeId of offices) {
          const actionId = Number(insertAction.run(officeId, name, startsOn, endsOn, "辖区在建工程项目", opts.actorId).lastInsertRowid);
          result.actions++;
          const groups = [1, 2, 3].map((g) => {
            const id = Number(insertGroup.run(actionId, officeId, `第${g}检查组`).lastInsertRowid);
            insertMember.run(id, officeId);
            insertMember.run(id, officeId);
            return id;
          });
          const candidates = (byOffice.get(officeId) ?? []).filter((p) => p.startOn <= startsOn);
          const checked = Math.min(candidates.length, Math.round(candidates.length * 0.05) + 1);
          for (let i = 0; i < checked; i++) {
            const project = rng.pick(candidates);
            const on = addDays(startsOn, rng.int(0, 59));
            const inspection = Number(
              insertInspection.run(
                actionId,
                rng.pick(groups),
                on,
                rng.int(2, 4),
                check(),
                check(),
                check(),
                check(),
                check(),
                check(),
                "",
                opts.actorId,
                project.id,
              ).lastInsertRowid,
            );
            result.inspections++;
            if (!rng.chance(0.6)) continue;
            const workers = rng.int(3, 40);
            const amount = workers * rng.int(5_000, 30_000) * 100;
            const resolveBy = addDays(on, rng.int(7, 30));
            const ended = resolveBy < today;
            const endedOn = ended ? addDays(on, rng.int(3, 35)) : null;
            const filedAs = ended && rng.chance(0.15) ? (caseOf.pluck().get(officeId, endedOn) as number | undefined) : undefined;
            const status = !ended ? "open" : filedAs ? "filed" : "resolved";
            const risk = Number(insertRisk.run(actionId, inspection, amount, workers, on, resolveBy, status, endedOn).lastInsertRowid);
            result.risks++;
            if (filedAs) linkCase.run(filedAs, risk);
            if (status === "resolved") insertPayment.run(risk, endedOn, amount, workers, opts.actorId);
          }
        }
      }
    }
  })();
  return result;
}
