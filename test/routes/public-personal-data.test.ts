/**
 * No ID number or phone on any page a visitor sees without signing in: every public page, the answers of
 * the public forms (the receipt of an online complaint, a progress lookup, refusals), error pages. The
 * suite's log lines are scanned the same way at the end of every run (test/global-setup.ts).
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import { browser, idNumber, loginAs, makeCase, makeTestApp, userId, workerInput } from "../helpers.js";
import { personalDataIn } from "../personal-data-patterns.js";

describe("public pages carry no personal data", () => {
  it("scans every public page and public answer for ID-number and phone patterns", async () => {
    const t = await makeTestApp();
    const worker = workerInput(5, { phone: "13911112222", idNumber: idNumber(5) });
    const { id, caseNumber, queryCode } = makeCase(t.db, { workers: [worker] });
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector1"), version: 1 });
    await supervisor
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ move: "file", version: 2, note: `联系 ${worker.phone}，身份证 ${worker.idNumber}` });

    const visitor = () => browser(t.app);
    const filer = visitor();
    const posted = await filer
      .post("/complaint")
      .type("form")
      .send({
        "workers.0.name": "孙七",
        "workers.0.phone": "13700000007",
        "workers.0.idNumber": idNumber(77),
        "workers.0.age": "36",
        "workers.0.claimed": "9600",
        employerName: "某餐饮管理有限公司",
        district: "二道区",
        facts: "欠三个月工资。",
      });
    expect(posted.status).toBe(303);
    const online = await filer.get("/complaint/done");
    const pages = {
      "/": await request(t.app).get("/"),
      "/complaint": await request(t.app).get("/complaint"),
      "/complaint (receipt)": online,
      "/query": await request(t.app).get("/query"),
      "/query (result)": await visitor().post("/query").type("form").send({ caseNumber, queryCode }),
      "/query (not found)": await visitor().post("/query").type("form").send({ caseNumber, queryCode: "000000" }),
      "/calendar/calc": await request(t.app).get("/calendar/calc?from=2026-02-13&days=8"),
      "/login": await request(t.app).get("/login"),
      "/login (refused)": await visitor().post("/login").type("form").send({ username: worker.phone, password: "x" }),
      "404": await request(t.app).get(`/no/${worker.phone}`),
      "/cases/:id (anonymous)": await request(t.app).get(`/cases/${id}`).redirects(1),
    };
    expect(pages["/query (result)"].text).toContain("已受理立案");
    for (const [name, res] of Object.entries(pages)) {
      expect(res.status, name).toBeLessThan(500);
      // The username typed on the login page is shown back to the one who typed it; nothing else may show.
      const text = name === "/login (refused)" ? res.text.replace(`value="${worker.phone}"`, "") : res.text;
      expect(personalDataIn(text), name).toEqual([]);
    }
  });
});
