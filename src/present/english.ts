import type { Reason } from "../engine/reasons";
import { renderReason } from "./reasons";

/**
 * The engine's English text fields (a rule's `message`, a position's `note` and `reason`), made from
 * their codes: the one place they are written; the JSON report keeps them for scripts and faces.
 * A module of its own, so that the pane and the functions share it (and src/present/reasons.ts).
 */
export function english(r: Reason): string {
  return renderReason(r, "en");
}

/** A reason with its English `message`: the fields of a diagnostic the engine pushes itself. */
export function coded<R extends Reason>(r: R): R & { message: string } {
  return { message: english(r), ...r };
}
