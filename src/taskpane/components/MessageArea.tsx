import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useT } from "../i18n";
import { DEFAULT_TITLES, type PaneMessage } from "./task";

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Long messages (an error with what to do) must wrap in a 320 px pane, not be cut off.
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
});

/**
 * Errors, warnings and successes in plain words, newest last. Errors are announced assertively
 * to screen readers, the rest politely; each can be dismissed with the keyboard.
 */
export function MessageArea(props: { messages: readonly PaneMessage[]; onDismiss?: (id: number) => void }) {
  const { messages, onDismiss } = props;
  const t = useT();
  const styles = useStyles();
  if (messages.length === 0) return null;
  return (
    <div className={styles.area} data-testid="message-area">
      {messages.map((m) => (
        <MessageBar
          key={m.id}
          intent={m.intent}
          layout="multiline"
          politeness={m.intent === "error" ? "assertive" : "polite"}
          data-intent={m.intent}
        >
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{t(m.title ?? DEFAULT_TITLES[m.intent])}</MessageBarTitle>
            {t(m.body)}
          </MessageBarBody>
          {onDismiss && (
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  size="small"
                  aria-label={t("dismiss")}
                  icon={<DismissRegular />}
                  onClick={() => onDismiss(m.id)}
                />
              }
            />
          )}
        </MessageBar>
      ))}
    </div>
  );
}
