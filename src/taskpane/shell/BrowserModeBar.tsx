import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useRef, type ChangeEvent } from "react";
import { MessageArea, ProgressArea, useTask } from "../components";
import { useBrowserHost, useBrowserWorkbook } from "../host";
import { formatText } from "../i18n/format";
import { STRINGS } from "../i18n/strings";
import { useT } from "../i18n/useT";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  body: { whiteSpace: "normal" },
  status: { display: "block", marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Browser mode's note and controls: results download as .xlsx; an existing .xlsx can be opened
 * so generators that read earlier sheets work; the last result can be downloaded again.
 */
export function BrowserModeBar() {
  const browser = useBrowserHost();
  const workbook = useBrowserWorkbook();
  const t = useT();
  const styles = useStyles();
  const task = useTask();
  const input = useRef<HTMLInputElement>(null);
  if (!browser) return null;

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // picking the same file again must fire change again
    if (!file) return;
    // Success shows in the status line below (a live region); only failures get a message.
    void task.run(formatText(STRINGS.browserOpening, { file: file.name }), async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      await browser.openFile({ name: file.name, bytes });
    });
  };

  const hasWorkbook = workbook.sheetNames.length > 0;
  return (
    <div className={styles.root} data-testid="browser-mode">
      <MessageBar intent="info" layout="multiline" shape="square">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{t("browserModeTitle")}</MessageBarTitle>
          {t("browserModeBody")}
          <span className={styles.status} role="status" data-testid="browser-workbook">
            {workbook.lastDownload
              ? t("browserDownloaded", { file: workbook.lastDownload })
              : workbook.openedFile
                ? t(workbook.sheetNames.length === 1 ? "browserOpenedOne" : "browserOpened", {
                    file: workbook.openedFile,
                    sheets: workbook.sheetNames.length,
                  })
                : t("browserEmpty")}
          </span>
        </MessageBarBody>
        <MessageBarActions>
          <div className={styles.actions}>
            <Button
              size="small"
              icon={<FolderOpenRegular />}
              disabled={task.running}
              onClick={() => input.current?.click()}
            >
              {t("browserOpenFile")}
            </Button>
            {hasWorkbook && (
              <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => void browser.downloadAgain()}>
                {t("browserDownloadAgain")}
              </Button>
            )}
            {hasWorkbook && (
              <Button
                size="small"
                appearance="subtle"
                icon={<DismissRegular />}
                onClick={() => void browser.closeWorkbook().then(task.clear)}
              >
                {t("browserCloseFile")}
              </Button>
            )}
          </div>
        </MessageBarActions>
      </MessageBar>
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t("browserOpenFile")}
        data-testid="browser-open-input"
        onChange={onFile}
      />
      <ProgressArea progress={task.progress} />
      <MessageArea messages={task.messages} onDismiss={task.dismiss} />
    </div>
  );
}
