import { Badge } from "@fluentui/react-components";
import type { Status } from "../../engine/result";
import { STATUS_LABELS } from "../i18n";
import type { Language } from "../operations";

const COLORS: Record<Status, "danger" | "warning" | "success" | "informative" | "subtle" | "important"> = {
  breach: "danger",
  warning: "warning",
  pass: "success",
  incomplete: "important",
  "not-binding": "subtle",
  info: "informative",
};

export function StatusBadge({ status, language }: { status: Status; language: Language }) {
  return (
    <Badge appearance="filled" color={COLORS[status]} data-status={status}>
      {STATUS_LABELS[language][status]}
    </Badge>
  );
}
