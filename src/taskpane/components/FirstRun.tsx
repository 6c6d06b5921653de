import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "12px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

/** A workbook without Funds or Holdings: a way to start, not an error. */
export function FirstRun(props: { t: Strings; busy: boolean; onInsertTemplate(): void; onOpenSample(): void }) {
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="first-run-title" data-first-run>
      <Text as="h2" id="first-run-title" size={400} weight="semibold" style={{ margin: 0 }}>
        {props.t.firstRunTitle}
      </Text>
      <Text as="p" style={{ margin: 0 }}>
        {props.t.firstRunText}
      </Text>
      <div className={s.actions}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onInsertTemplate} data-action="template">
          {props.t.insertTemplate}
        </Button>
        <Button disabled={props.busy} onClick={props.onOpenSample} data-action="sample">
          {props.t.openSample}
        </Button>
      </div>
    </section>
  );
}
