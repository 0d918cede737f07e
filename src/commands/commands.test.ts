import fs from "node:fs";
import path from "node:path";
import { COMMANDS, completing, registerCommands, type CommandEvent, type OfficeCommandsApi } from "./commands";

function fakeOffice(options: { failShow?: boolean } = {}) {
  const calls: string[] = [];
  const handlers = new Map<string, (event: CommandEvent) => void>();
  const office: OfficeCommandsApi = {
    actions: { associate: (id, handler) => void handlers.set(id, handler) },
    addin: {
      showAsTaskpane: async () => {
        calls.push("show");
        if (options.failShow) throw new Error("no pane");
      },
      hide: async () => void calls.push("hide"),
    },
  };
  return { office, calls, handlers };
}

function event() {
  const e = { completed: jest.fn() };
  return e;
}

describe("ribbon commands", () => {
  test("registerCommands associates every command, and each does what its name says", async () => {
    const { office, calls, handlers } = fakeOffice();
    expect(registerCommands(office)).toEqual(Object.keys(COMMANDS));
    expect([...handlers.keys()]).toEqual(["SVC.ShowPane", "SVC.HidePane"]);
    const e1 = event();
    await handlers.get("SVC.ShowPane")!(e1);
    const e2 = event();
    await handlers.get("SVC.HidePane")!(e2);
    expect(calls).toEqual(["show", "hide"]);
    expect(e1.completed).toHaveBeenCalledTimes(1);
    expect(e2.completed).toHaveBeenCalledTimes(1);
  });

  test("a failing command still completes the event and reports the error", async () => {
    const { office } = fakeOffice({ failShow: true });
    const errors: unknown[] = [];
    const e = event();
    await completing(COMMANDS["SVC.ShowPane"], office, (err) => errors.push(err))(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe("no pane");
  });

  test("every ExecuteFunction in manifest.xml names a registered command", () => {
    const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
    const names = [...manifest.matchAll(/<FunctionName>\s*([^<]+?)\s*<\/FunctionName>/g)].map((m) => m[1]);
    for (const name of names) expect(Object.keys(COMMANDS)).toContain(name);
  });
});
