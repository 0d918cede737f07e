import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { messageFromError } from "../components/task";
import { useT } from "../i18n/useT";

function Fallback(props: { error: unknown }) {
  const t = useT();
  return (
    <MessageBar intent="error" layout="multiline" politeness="assertive">
      <MessageBarBody>
        <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
        {t(messageFromError(props.error).body)}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Keeps one failing pane from blanking the whole task pane: it shows what broke instead. */
export class PaneErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("Pane failed", error, info.componentStack);
  }

  override render() {
    return this.state.error !== null ? <Fallback error={this.state.error} /> : this.props.children;
  }
}
