/**
 * The port to an SMS provider (docs/rules.md §Notices to workers). The sender gives each message the notice's
 * idempotency key; a transport reports whether a send went out, failed for good, or is worth a retry, and can
 * tell afterwards whether a message with a given key went out (a crash between the send and its record).
 */
import type { NoticeKind, TemplateParams } from "../domain/worker-notices.js";

export interface SmsMessage {
  /** The notice's idempotency key (Alibaba Cloud: OutId). */
  key: string;
  phone: string;
  kind: NoticeKind;
  /** The office's name: the signature (签名). */
  signName: string;
  params: TemplateParams;
  /** The full text, signature included, as the template renders it. */
  text: string;
}

export type SendResult = { ok: true; providerMessageId: string } | { ok: false; retry: boolean; error: string };

export interface SmsTransport {
  readonly name: string;
  send(message: SmsMessage): Promise<SendResult>;
  /** Whether a message with this key was sent to this number since `since` (a send whose answer was lost). */
  wasSent(message: SmsMessage, since: Date): Promise<boolean>;
}
