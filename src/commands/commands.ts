/**
 * Ribbon and keyboard command handlers. They run in the shared runtime (taskpane.html), so they
 * can open or close the pane even while it is hidden. A command button in the manifest uses
 * `<Action xsi:type="ExecuteFunction"><FunctionName>…</FunctionName>` with one of the ids of
 * COMMANDS; today's ribbon button opens the pane declaratively (ShowTaskpane) and needs none.
 *
 * Every handler reports completion to Office (`event.completed()`), also when it fails:
 * otherwise Office keeps the button busy until it times out.
 */

/** What Office passes to an ExecuteFunction handler (the part we use). */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** The part of the Office global that commands use, so tests can pass a fake. */
export interface OfficeCommandsApi {
  actions: { associate(actionId: string, handler: (event: CommandEvent) => void): void };
  addin: { showAsTaskpane(): Promise<void>; hide(): Promise<void> };
}

export type Command = (office: OfficeCommandsApi) => Promise<void>;

/** The commands, by the id a manifest's FunctionName (or a shortcut) refers to. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  "SVC.ShowPane": (office) => office.addin.showAsTaskpane(),
  "SVC.HidePane": (office) => office.addin.hide(),
};

/**
 * Wraps a command so that Office is always told it finished. A failure is passed to `onError`
 * (the console by default) rather than thrown into Office, where nobody would see it.
 */
export function completing(
  command: Command,
  office: OfficeCommandsApi,
  onError: (error: unknown) => void = (error) => console.error(error),
): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      await command(office);
    } catch (error) {
      onError(error);
    } finally {
      event.completed();
    }
  };
}

/** Associates every command with Office. Returns the ids registered. */
export function registerCommands(
  office: OfficeCommandsApi,
  commands: Readonly<Record<string, Command>> = COMMANDS,
): string[] {
  const ids = Object.keys(commands);
  for (const id of ids) office.actions.associate(id, completing(commands[id], office));
  return ids;
}

// In Office: register once office.js is ready. Outside Office (browser mode) there is no
// Office.actions and nothing to register.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => {
    const office = Office as unknown as Partial<OfficeCommandsApi>;
    if (office.actions && office.addin) registerCommands(office as OfficeCommandsApi);
  });
}
