/** Orders to pay (责令限期支付): the lookups the steps that follow an order share. */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { paymentOrders } from "../db/schema.js";
import { NotFoundError } from "../domain/errors.js";

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
