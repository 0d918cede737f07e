import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text as FluentText,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useT } from "../../i18n/useT";
import { RECORD_SECTIONS } from "./sections";
import { R } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
  summary: { color: tokens.colorNeutralForeground3, display: "block", paddingBottom: tokens.spacingVerticalS },
});

/** 记录: one section per record type (RECORD_SECTIONS), the first one open. */
export function RecordsPane() {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="records-pane">
      <FluentText size={200} className={styles.hint}>
        {t(R.intro)}
      </FluentText>
      <Accordion multiple collapsible defaultOpenItems={RECORD_SECTIONS.slice(0, 1).map((s) => s.id)}>
        {RECORD_SECTIONS.map((s) => (
          <AccordionItem key={s.id} value={s.id} data-record-section={s.id}>
            <AccordionHeader size="large">{t(s.title)}</AccordionHeader>
            <AccordionPanel>
              <FluentText size={200} className={styles.summary}>
                {t(s.summary)}
              </FluentText>
              <s.component />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
