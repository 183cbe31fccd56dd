import type { Session, SessionUser } from "../auth/session.js";
import type { NavItem } from "./nav.js";

declare global {
  namespace Express {
    interface Locals {
      user: SessionUser | null;
      session: Session | null;
      isHtmx: boolean;
      nav: NavItem[];
      today: string;
      /** When a page showing the time of day stops being true (ms since the epoch): src/http/page-cache.ts keepOnlyUntil. */
      pageKeptUntil?: number;
    }
  }
}
