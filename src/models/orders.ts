/** Orders to pay (责令限期支付): the lookups the steps that follow an order share. */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { paymentOrders } from "../db/schema.js";
import type { IsoDate } from "../domain/dates.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { orderNotServedProblem } from "../domain/money.js";
import { serviceOfEach } from "./document-services.js";

/** The order of this case, or a 404: an order id from another case is never taken. */
export function orderOfCase(tx: DbOrTx, caseId: number, orderId: number) {
  const order = tx
    .select()
    .from(paymentOrders)
    .where(and(eq(paymentOrders.id, orderId), eq(paymentOrders.caseId, caseId)))
    .get();
  if (!order) throw new NotFoundError("指令书不存在。");
  return order;
}

/** The order's service date, or the refusal that names the missing service. */
export function servedOrder(tx: DbOrTx, order: { id: number; docNumber: string }): IsoDate {
  const servedOn = serviceOfEach(tx, "paymentOrder", [order.id]).get(order.id)?.servedOn ?? null;
  const problem = orderNotServedProblem({ docNumber: order.docNumber, servedOn });
  if (problem) throw new ValidationError(problem);
  return servedOn!;
}
