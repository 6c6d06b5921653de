import { Button, Field, Input, makeStyles, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { Strings } from "../i18n";
import type { Language, PaneSettings } from "../operations";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px 0" } });

/** As-of date, default warning margin and language, saved in the workbook so they travel with it. */
export function SettingsPanel(props: { settings: PaneSettings; t: Strings; onSave(settings: PaneSettings): void }) {
  const s = useStyles();
  const [asOf, setAsOf] = useState(props.settings.asOf ?? "");
  const [margin, setMargin] = useState(props.settings.warningMargin === undefined ? "" : String(props.settings.warningMargin * 100));
  const [language, setLanguage] = useState<string>(props.settings.language ?? "");
  const marginValue = margin.trim() === "" ? undefined : Number(margin.replace(",", ".")) / 100;
  const marginInvalid = marginValue !== undefined && !(marginValue >= 0 && marginValue < 1);
  return (
    <form
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (marginInvalid) return;
        props.onSave({ asOf: asOf || undefined, warningMargin: marginValue, language: (language || undefined) as Language | undefined });
      }}
    >
      <Field label={props.t.asOf} hint={props.t.asOfHint}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <Field label={`${props.t.warningMargin} (%)`} validationState={marginInvalid ? "error" : "none"}>
        <Input inputMode="decimal" value={margin} placeholder="2" onChange={(_, d) => setMargin(d.value)} />
      </Field>
      <Field label={props.t.language}>
        <Select value={language} onChange={(_, d) => setLanguage(d.value)}>
          <option value="">{props.t.languageAuto}</option>
          <option value="en">English</option>
          <option value="fr">Français</option>
        </Select>
      </Field>
      <Button type="submit" appearance="primary">
        {props.t.save}
      </Button>
    </form>
  );
}
