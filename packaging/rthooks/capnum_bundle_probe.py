"""Run-time hook: hidden evidence of what the frozen bundle reads, off unless CAPNUM_BUNDLE_AUDIT names a file.

With CAPNUM_BUNDLE_AUDIT=FILE the bundle records every file the Python side opens or lists, every program it
starts and where every loaded module came from, and writes them to FILE (JSON) at exit. tests/packaging uses it
to prove that nothing is read from the source tree. Runs before any other run-time hook (stdlib only).
"""

import os
import sys


def _install_audit(target: str) -> None:
    import atexit
    import json

    opened: set[str] = set()
    started: list[list[str]] = []

    def hook(event: str, args: tuple) -> None:
        if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes)):
            opened.add(os.path.abspath(os.fsdecode(args[0])))
        elif event == "subprocess.Popen" and args:
            started.append([os.fsdecode(a) for a in (args[1] or [args[0]])])

    def dump() -> None:
        origins = {name: getattr(module, "__file__", None) for name, module in list(sys.modules.items())}
        report = {
            "executable": sys.executable,
            "meipass": getattr(sys, "_MEIPASS", None),
            "sys_path": list(sys.path),
            "opened": sorted(opened),
            "started": started,
            "modules": {name: origin for name, origin in origins.items() if isinstance(origin, str)},
        }
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=1)

    sys.addaudithook(hook)
    atexit.register(dump)


if os.environ.get("CAPNUM_BUNDLE_AUDIT"):
    _install_audit(os.environ["CAPNUM_BUNDLE_AUDIT"])
