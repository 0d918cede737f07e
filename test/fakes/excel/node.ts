/**
 * The proxy machinery of the fake: every API object is a FakeNode wrapped in a Proxy that
 * behaves like Office.js's client objects —
 * - setting a property or calling a method only queues an operation; nothing happens until
 *   `context.sync()`, which runs the queue in order (a failing operation leaves the earlier
 *   ones applied, as in Excel) and measures the request payload;
 * - reading a scalar property throws PropertyNotLoaded unless it was `load()`ed and a sync
 *   has completed since;
 * - reading or writing a member the fake does not know throws (so does real Office.js for
 *   members that do not exist) — the fake never silently returns undefined.
 */
import { FakeOfficeError, fail } from "./errors";

export interface ScalarSpec<T> {
  readonly get?: (target: T, node: FakeNode<T>) => unknown;
  readonly set?: (target: T, value: unknown, node: FakeNode<T>) => void;
}

export interface TypeSpec<T> {
  readonly typeName: string;
  readonly scalars?: Readonly<Record<string, ScalarSpec<T>>>;
  readonly navs?: Readonly<Record<string, (node: FakeNode<T>) => unknown>>;
  readonly methods?: Readonly<Record<string, (node: FakeNode<T>, ...args: any[]) => unknown>>;
  /** For collections: the current items (target, their type, a path suffix). */
  readonly items?: (target: T) => { target: unknown; spec: TypeSpec<any>; path: string }[];
}

interface Op {
  readonly path: string;
  readonly member: string;
  readonly args: readonly unknown[];
  readonly typeName: string;
  readonly run: () => void;
}

export interface SyncRecord {
  readonly index: number;
  readonly bytes: number;
  readonly ops: number;
  readonly failed: boolean;
}

export type FailureMode = "start" | "middle" | "end";

/** Options of the Excel.run a sync belongs to (Excel.RunOptions). */
export interface RunOptions {
  readonly delayForCellEdit?: boolean;
}

const UTF8 = new TextEncoder();

export class FakeContextCore {
  private queue: Op[] = [];
  private afterSuccess: (() => void)[] = [];
  private readonly failures = new Map<number, FailureMode>();
  readonly syncs: SyncRecord[] = [];
  /**
   * Excel on the web limits requests and responses to 5 MB ("Payload size limit best practices",
   * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices);
   * a request over it fails with RequestPayloadSizeLimitExceeded, a response with
   * ResponsePayloadSizeLimitExceeded (Excel.ErrorCodes).
   */
  payloadLimit = 5 * 1024 * 1024;
  responseLimit = 5 * 1024 * 1024;
  /** Bytes of the values loaded in the sync being run (the response). */
  private responseBytes = 0;
  /** The user is editing a cell (Excel.RunOptions.delayForCellEdit). */
  cellEditMode = false;
  private cellEditWaiters: (() => void)[] = [];
  /** The Excel.run whose syncs are being made. */
  runOptions: RunOptions = {};
  /** Syncs that never answer (a hung host), until release(). */
  private readonly hangs = new Set<number>();
  private hung: (() => void)[] = [];
  /** Called after every sync, failed or not (the workbook uses it to end calculation suspension). */
  afterSync: () => void = () => undefined;

  failOnSync(n: number, mode: FailureMode = "middle"): void {
    this.failures.set(n, mode);
  }

  /** Members ("PageLayout.zoom") that fail every time, like a platform bug. */
  readonly failingMembers = new Set<string>();

  hangOnSync(n: number): void {
    this.hangs.add(n);
  }

  /** Lets hung syncs go on (they then fail: the host gave up on them). */
  releaseHung(): void {
    const h = this.hung;
    this.hung = [];
    for (const f of h) f();
  }

  setCellEditMode(on: boolean): void {
    this.cellEditMode = on;
    if (!on) {
      const w = this.cellEditWaiters;
      this.cellEditWaiters = [];
      for (const f of w) f();
    }
  }

  /** Counts bytes of a loaded value towards the sync's response. */
  addResponse(value: unknown): void {
    this.responseBytes += UTF8.encode(JSON.stringify(value) ?? "").length;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.bytes), 0);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  onSuccess(f: () => void): void {
    this.afterSuccess.push(f);
  }

  /** Bytes of the queued request as JSON (operations with their paths and arguments). */
  pendingBytes(): number {
    // Node measures the UTF-8 size itself: an independent check of the writer's own estimate.
    // (TextEncoder rather than Node's Buffer: the fake also runs in a browser, test/e2e/support/fakeHost.ts.)
    return UTF8.encode(JSON.stringify(this.queue.map((o) => ({ p: o.path, m: o.member, a: o.args })))).length;
  }

  async sync(): Promise<void> {
    const index = this.syncs.length + 1;
    const bytes = this.pendingBytes();
    const ops = this.queue;
    this.queue = [];
    const after: (() => void)[] = [];
    this.afterSuccess = after;
    const record = { index, bytes, ops: ops.length, failed: false };
    this.syncs.push(record);
    await Promise.resolve();
    if (this.hangs.has(index)) {
      await new Promise<void>((resolve) => this.hung.push(resolve));
      (record as { failed: boolean }).failed = true;
      this.afterSuccess = [];
      throw new FakeOfficeError("RequestAborted", `Sync ${index} never answered (a hung host); released by the test`);
    }
    if (this.cellEditMode) {
      // Excel.RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the batch
      // request is processed by the host, the batch automatically fails. When true, … the batch
      // request is delayed until the user exits cell edit mode."
      // https://learn.microsoft.com/javascript/api/excel/excel.runoptions
      if (!this.runOptions.delayForCellEdit) {
        (record as { failed: boolean }).failed = true;
        this.afterSuccess = [];
        throw new FakeOfficeError("InvalidOperationInCellEditMode", "The user is editing a cell; the batch failed.");
      }
      await new Promise<void>((resolve) => this.cellEditWaiters.push(resolve));
    }
    this.responseBytes = 0;
    try {
      await this.runOps(index, bytes, ops, after, record);
    } finally {
      this.afterSync();
    }
  }

  private async runOps(
    index: number,
    bytes: number,
    ops: Op[],
    after: (() => void)[],
    record: SyncRecord,
  ): Promise<void> {
    const markFailed = () => {
      (record as { failed: boolean }).failed = true;
      this.afterSuccess = [];
    };
    if (bytes > this.payloadLimit) {
      markFailed();
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload (${bytes} bytes) exceeds the ${this.payloadLimit}-byte limit.`,
      );
    }
    const failure = this.failures.get(index);
    const upTo = failure === "start" ? 0 : failure === "middle" ? Math.floor(ops.length / 2) : ops.length;
    for (let i = 0; i < upTo; i++) {
      const op = ops[i]!;
      try {
        if (this.failingMembers.has(`${op.typeName}.${op.member}`))
          throw new FakeOfficeError("GeneralException", `${op.typeName}.${op.member} failed (injected platform bug)`);
        op.run();
      } catch (e) {
        markFailed();
        if (e instanceof FakeOfficeError) {
          throw new FakeOfficeError(e.code, e.message, `${op.typeName}.${op.member}`);
        }
        throw e;
      }
    }
    if (failure) {
      markFailed();
      throw new FakeOfficeError(
        "GeneralException",
        `Injected failure in sync ${index} (${failure}, ${upTo}/${ops.length} operations applied)`,
      );
    }
    if (this.responseBytes > this.responseLimit) {
      markFailed();
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload (${this.responseBytes} bytes) exceeds the ${this.responseLimit}-byte limit.`,
      );
    }
    this.afterSuccess = [];
    for (const f of after) f();
  }
}

const PASS_THROUGH = new Set([
  "then",
  "constructor",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "_isMockFunction",
]);

export class FakeNode<T> {
  private resolved = false;
  private value: T | null | undefined;
  private readonly loaded = new Map<string, unknown>();
  private loadedItems?: unknown[];
  private nullKnown = false;
  private readonly navCache = new Map<string, unknown>();
  readonly proxy: any;

  constructor(
    readonly core: FakeContextCore,
    readonly spec: TypeSpec<T>,
    readonly path: string,
    private readonly resolver: () => T | null,
  ) {
    this.proxy = new Proxy(this, HANDLER);
  }

  /** The object this proxy stands for; resolved on first use during a sync. */
  target(): T {
    const t = this.peek();
    if (t === null) fail("InvalidObjectPath", `${this.spec.typeName} at ${this.path} is a null object`);
    return t;
  }

  /** Like target() but returns null for null objects. */
  peek(): T | null {
    if (!this.resolved) {
      this.value = this.resolver();
      this.resolved = true;
    }
    return this.value as T | null;
  }

  bind(t: T | null): void {
    this.value = t;
    this.resolved = true;
  }

  op(member: string, args: readonly unknown[], run: () => void): void {
    this.core.enqueue({ path: this.path, member, args, typeName: this.spec.typeName, run });
  }

  child<C>(spec: TypeSpec<C>, suffix: string, resolver: () => C | null): any {
    return new FakeNode<C>(this.core, spec, `${this.path}${suffix}`, resolver).proxy;
  }

  /** Queues resolution of an *OrNullObject child; its isNullObject becomes readable after the sync. */
  nullable<C>(
    spec: TypeSpec<C>,
    suffix: string,
    member: string,
    args: readonly unknown[],
    resolver: () => C | null,
  ): any {
    const node = new FakeNode<C>(this.core, spec, `${this.path}${suffix}`, () =>
      fail("InvalidObjectPath", "not yet resolved"),
    );
    this.op(member, args, () => {
      node.bind(resolver());
      this.core.onSuccess(() => {
        node.nullKnown = true;
      });
    });
    return node.proxy;
  }

  nav(name: string): unknown {
    let v = this.navCache.get(name);
    if (v === undefined) {
      v = this.spec.navs![name]!(this);
      this.navCache.set(name, v);
    }
    return v;
  }

  load(what?: string | string[] | { select?: string }): void {
    let list: string[];
    if (what === undefined) list = Object.keys(this.spec.scalars ?? {}).filter((k) => this.spec.scalars![k]!.get);
    else if (typeof what === "string") list = what.split(",");
    else if (Array.isArray(what)) list = what.flatMap((w) => w.split(","));
    else list = (what.select ?? "").split(",");
    list = list.map((s) => s.trim()).filter(Boolean);
    const itemProps: string[] = [];
    const own: string[] = [];
    let wantsItems = false;
    for (const p of list) {
      if (p === "items") wantsItems = true;
      else if (p.startsWith("items/")) {
        wantsItems = true;
        itemProps.push(p.slice(6));
      } else {
        if (!this.spec.scalars?.[p]?.get)
          fail("UnknownMember", `${this.spec.typeName}.${p} cannot be loaded (unknown property)`);
        own.push(p);
      }
    }
    if (wantsItems && !this.spec.items) fail("UnknownMember", `${this.spec.typeName} is not a collection`);
    this.op("load", [what ?? null], () => {
      const t = this.peek();
      if (t === null) {
        this.core.onSuccess(() => {
          this.nullKnown = true;
        });
        return;
      }
      const values = own.map((p) => [p, this.spec.scalars![p]!.get!(t, this)] as const);
      let items: unknown[] | undefined;
      if (wantsItems) {
        items = this.spec.items!(t).map((it) => {
          const node = new FakeNode<any>(this.core, it.spec, `${this.path}${it.path}`, () => it.target);
          node.bind(it.target);
          const props = itemProps.length
            ? itemProps
            : Object.keys(it.spec.scalars ?? {}).filter((k) => it.spec.scalars![k]!.get);
          for (const p of props) {
            const sp = it.spec.scalars?.[p];
            if (!sp?.get) fail("UnknownMember", `${it.spec.typeName}.${p} cannot be loaded`);
            node.loaded.set(p, sp.get(it.target, node));
          }
          node.nullKnown = true;
          return node.proxy;
        });
      }
      this.core.addResponse(values);
      if (items) this.core.addResponse(items.map((it) => (nodeOf(it) as FakeNode<unknown>).loadedSnapshot()));
      this.core.onSuccess(() => {
        for (const [p, v] of values) this.loaded.set(p, v);
        if (items) this.loadedItems = items;
        this.nullKnown = true;
      });
    });
  }

  /** The values loaded into this node (what a response carried). */
  loadedSnapshot(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  readScalar(name: string): unknown {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.spec.typeName}.${name}`,
      );
    }
    return this.loaded.get(name);
  }

  readItems(): unknown[] {
    if (!this.loadedItems) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property 'items' is not available. Call load("items") and context.sync() first.`,
        `${this.spec.typeName}.items`,
      );
    }
    return this.loadedItems;
  }

  readIsNull(): boolean {
    if (!this.nullKnown) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `isNullObject is not available before context.sync()`,
        `${this.spec.typeName}.isNullObject`,
      );
    }
    return this.value === null;
  }
}

const HANDLER: ProxyHandler<FakeNode<any>> = {
  get(node, prop) {
    if (typeof prop === "symbol") return undefined;
    if (PASS_THROUGH.has(prop)) return undefined;
    if (prop === "toJSON") return () => ({ $ref: node.path });
    if (prop === "$fakeNode") return node;
    if (prop === "load") {
      return (what?: string | string[]) => {
        node.load(what);
        return node.proxy;
      };
    }
    if (prop === "isNullObject") return node.readIsNull();
    if (prop === "items" && node.spec.items) return node.readItems();
    const spec = node.spec;
    if (spec.scalars?.[prop]) {
      if (!spec.scalars[prop]!.get) fail("InvalidOperation", `${spec.typeName}.${prop} is write-only in the fake`);
      return node.readScalar(prop);
    }
    if (spec.navs?.[prop]) return node.nav(prop);
    const m = spec.methods?.[prop];
    if (m) return (...args: unknown[]) => m(node, ...args);
    throw new FakeOfficeError(
      "UnknownMember",
      `${spec.typeName}.${prop} is not part of the fake Excel object model (unknown member)`,
    );
  },
  set(node, prop, value) {
    if (typeof prop === "symbol") fail("UnknownMember", "symbol properties are not supported");
    const sp = node.spec.scalars?.[prop];
    if (!sp) fail("UnknownMember", `${node.spec.typeName}.${prop} cannot be set (unknown member)`);
    if (!sp.set) fail("InvalidOperation", `${node.spec.typeName}.${prop} is read-only`);
    node.op(prop, [value], () => sp.set!(node.target(), value, node));
    return true;
  },
  has(node, prop) {
    return (
      typeof prop === "string" &&
      Boolean(node.spec.scalars?.[prop] || node.spec.navs?.[prop] || node.spec.methods?.[prop])
    );
  },
};

/** The FakeNode behind a proxy (for fake internals, e.g. a Range passed as an argument). */
export function nodeOf<T = unknown>(proxy: unknown): FakeNode<T> | undefined {
  if (proxy && (typeof proxy === "object" || typeof proxy === "function")) {
    try {
      return (proxy as { $fakeNode?: FakeNode<T> }).$fakeNode;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
