"""Times LibreOffice's full recalculation of a workbook, and nothing else.

Usage: python3 libreoffice_recalc_time.py SOFFICE FILE REPEATS
Starts headless LibreOffice (a fresh profile) with a UNO pipe, loads FILE (cached results kept),
then calls the document's calculateAll() REPEATS times, timing each call in this process, so
neither start-up, loading nor saving is in the figure. Prints {"ms": [..]} as JSON.
Needs python3-uno (Debian). Used by test/bench/audit6sSummary.bench.ts.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def main() -> None:
    soffice, path, repeats = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3])
    profile = tempfile.mkdtemp(prefix="svc-lo-uno-")
    pipe = f"svc_recalc_{os.getpid()}"
    proc = subprocess.Popen(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
         "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not answer on its UNO pipe")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (hidden,))
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            doc.calculateAll()
            times.append((time.perf_counter() - started) * 1000)
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away as LibreOffice quits
            pass
        proc.wait(timeout=60)
        print(json.dumps({"ms": times}))
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
