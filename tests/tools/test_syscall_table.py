"""The system-call table is checked by the compiler (docs/add-a-syscall.md):
every X row of <parley/syscall.h> gets a prototype in kernel/syscall.h, so a
handler that disagrees with its row does not compile, and the dispatch table
refers to each handler by a strong reference, so a row whose handler is
missing (or misspelt) does not link; only an N row is ENOSYS at run time.

tests/run.py sets guest, ROOT and DEADLINE before the cases run; each
case_* fails by raising."""

import os
import re
import subprocess
import tempfile

guest = ROOT = DEADLINE = None
ROW = re.compile(r"^\s*([XN])\(\s*(\d+),\s*(\w+),", re.M)


def rows():
    """(kind, name) of every row of the table."""
    with open(os.path.join(ROOT, "kernel", "uapi", "parley", "syscall.h")) as f:
        return [(m.group(1), m.group(3)) for m in ROW.finditer(f.read())]


def kernel_compile(handler):
    """Compiles a kernel file defining handler, with the Makefile's flags
    and the includes every handler's file has; (status, output)."""
    source = '#include "lib/kernel.h"\n#include "syscall.h"\n' + handler
    v = guest.make_variables(["CC", "KCFLAGS"])
    with tempfile.TemporaryDirectory(prefix="parley-sys-") as work:
        src = os.path.join(work, "handler.c")
        with open(src, "w") as f:
            f.write(source)
        flags = [f for f in v["KCFLAGS"].split() if f not in ("-MMD", "-MP")]
        r = subprocess.run(v["CC"].split() + flags + ["-Ikernel", "-c", "-o",
                           os.path.join(work, "handler.o"), src],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        return r.returncode, r.stdout


def case_dispatch_refers_to_every_handler_strongly_and_to_no_unimplemented_one():
    nm = guest.make_variables(["NM"])["NM"]
    obj = os.path.join(ROOT, "build", "kernel", "syscall.o")
    out = subprocess.run(nm.split() + [obj], stdout=subprocess.PIPE,
                         universal_newlines=True, check=True).stdout
    symbols = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[-1].startswith("sys_"):
            symbols[parts[-1]] = parts[-2]
    weak = sorted(s for s, t in symbols.items() if t in ("w", "W", "v", "V"))
    assert not weak, "weak handler references: %s" % weak
    for kind, name in rows():
        sym = "sys_" + name
        if kind == "X":
            assert symbols.get(sym) in ("U", "T", "t"), "%s: %s" % (sym, symbols.get(sym))
        elif sym in symbols:
            raise AssertionError("%s is an N row but syscall.o refers to it" % sym)


def case_a_handler_with_the_wrong_parameters_does_not_compile():
    code, out = kernel_compile("long sys_getpid(int wrong) { return wrong; }\n")
    assert code != 0, "a sys_getpid(int) compiled against the table's (void)"
    assert "conflicting types for 'sys_getpid'" in out.replace("\u2018", "'").replace("\u2019", "'"), out


def case_a_handler_that_matches_its_row_compiles():
    code, out = kernel_compile("long sys_getpid(void) { return 0; }\n")
    assert code == 0, out
