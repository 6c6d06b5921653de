import { makeStyles } from "@fluentui/react-components";
import type { Status } from "../../engine/result";
import { STATUS_LABELS } from "../i18n";
import type { Language } from "../operations";

/**
 * Each status has its colour, its own icon shape and its word, so no status is told by colour
 * alone. Text colours reach 6:1 or more on white and on their tint (WCAG 2.1 AA asks 4.5:1);
 * `incomplete` and `not-binding` are never green.
 */
export const STATUS_COLORS: Record<Status, { fg: string; bg: string }> = {
  breach: { fg: "#A4262C", bg: "#FDE7E9" },
  incomplete: { fg: "#5C2E91", bg: "#F3EDF9" },
  warning: { fg: "#7A4F01", bg: "#FFF6E0" },
  pass: { fg: "#0E700E", bg: "#EAF6EA" },
  "not-binding": { fg: "#5C5C5C", bg: "#F2F2F2" },
  info: { fg: "#115EA3", bg: "#EBF3FC" },
  triggered: { fg: "#8A3707", bg: "#FDF0E7" },
};

/** Distinct shapes: a cross in a disc, a question mark, a triangle, a tick, a dash in a ring, an "i". */
export function StatusIcon({ status, size = 16 }: { status: Status; size?: number }) {
  const c = STATUS_COLORS[status].fg;
  const common = { width: size, height: size, viewBox: "0 0 16 16", "aria-hidden": true, focusable: false, "data-icon": status, style: { flex: "none" } } as const;
  switch (status) {
    case "breach":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7.5" fill={c} />
          <path d="M5 5l6 6M11 5l-6 6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
        </svg>
      );
    case "incomplete":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6.75" fill="none" stroke={c} strokeWidth="1.5" strokeDasharray="3 2" />
          <path d="M6 6.2a2 2 0 1 1 2.8 1.8c-.5.3-.8.6-.8 1.2v.6" fill="none" stroke={c} strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="11.8" r="1" fill={c} />
        </svg>
      );
    case "warning":
      return (
        <svg {...common}>
          <path d="M8 1l7.5 13.5h-15z" fill={c} />
          <path d="M8 6v4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12.2" r="1" fill="#fff" />
        </svg>
      );
    case "pass":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7.5" fill={c} />
          <path d="M4.5 8.3l2.3 2.3 4.7-5" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case "not-binding":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6.75" fill="none" stroke={c} strokeWidth="1.5" />
          <path d="M5 8h6" stroke={c} strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
    case "triggered":
      // A bell-like flag: an obligation arises (notify the AMF, call a meeting), not a breach.
      return (
        <svg {...common}>
          <path d="M3 1.5v13" stroke={c} strokeWidth="1.6" strokeLinecap="round" />
          <path d="M3.8 2h9l-2.2 3.2 2.2 3.2h-9z" fill={c} />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6.75" fill="none" stroke={c} strokeWidth="1.5" />
          <path d="M8 7v4.5" stroke={c} strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="4.6" r="1" fill={c} />
        </svg>
      );
  }
}

const useStyles = makeStyles({
  badge: {
    display: "inline-flex",
    alignItems: "center",
    gap: "4px",
    padding: "0 6px 0 3px",
    borderRadius: "10px",
    fontSize: "12px",
    lineHeight: "16px",
    fontWeight: 600,
    whiteSpace: "nowrap",
  },
});

/** The status as icon and word on its tint. */
export function StatusBadge({ status, language }: { status: Status; language: Language }) {
  const s = useStyles();
  const { fg, bg } = STATUS_COLORS[status];
  return (
    <span className={s.badge} style={{ color: fg, backgroundColor: bg }} data-status={status}>
      <StatusIcon status={status} size={14} />
      {STATUS_LABELS[language][status]}
    </span>
  );
}
