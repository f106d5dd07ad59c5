"""The headers the library claims (lib/README.md): one small program per
header in tests/headers/, which names that header's functions, types and
constants and calls the functions.  Each must compile with warnings as
errors -- so a missing declaration fails its case -- and link against the
library -- so a missing function does too.  <pthread.h> must instead stop
the build with its one clear message.

tests/run.py sets ROOT before the cases run; each case_* fails by raising."""

import glob
import os
import subprocess

guest = ROOT = DEADLINE = None
HERE = os.path.dirname(os.path.abspath(__file__))
HEADERS = os.path.join(os.path.dirname(HERE), "headers")


def build(name):
    """make build/headers/NAME: (exit status, output)."""
    target = os.path.join("build", "headers", name)
    r = subprocess.run(["make", "-s", "--no-print-directory", target], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    return r.returncode, r.stdout


def header_case(name):
    def case():
        code, output = build(name)
        assert code == 0, "tests/headers/%s.c does not build:\n%s" % (name, output[-2000:])
    return case


for _path in sorted(glob.glob(os.path.join(HEADERS, "*.c"))):
    _name = os.path.basename(_path)[:-2]
    if _name != "pthread":
        globals()["case_%s_h_compiles_and_links" % _name] = header_case(_name)


def case_pthread_h_stops_the_build_with_one_clear_error():
    code, output = build("pthread")
    assert code != 0, "<pthread.h> compiled: Parley has no threads"
    assert "Parley has no threads" in output, output[-2000:]
    assert output.count("error:") == 1, "more than one error:\n" + output[-2000:]


def case_every_sysconf_name_is_tested():
    """tests/guest/test_sysconf.c's table of answers names every _SC_
    constant <unistd.h> defines, so a new one cannot go unchecked."""
    import re
    with open(os.path.join(ROOT, "lib", "include", "unistd.h")) as f:
        names = set(re.findall(r"\b(_SC_\w+)\s*=", f.read()))
    with open(os.path.join(ROOT, "tests", "guest", "test_sysconf.c")) as f:
        tested = set(re.findall(r"\bSC\((_SC_\w+),", f.read()))
    aliases = {"_SC_PAGE_SIZE"}                 # = _SC_PAGESIZE
    missing = sorted(names - tested - aliases)
    assert names and not missing, "not in test_sysconf's table: " + ", ".join(missing)


def case_every_kernel_header_compiles_on_its_own():
    """A kernel header includes what it uses, so a student can include any
    one of them first (STYLE.md): each kernel/**/*.h, alone in a file,
    compiles with the kernel's compiler and include path."""
    import tempfile
    headers = sorted(glob.glob(os.path.join(ROOT, "kernel", "**", "*.h"), recursive=True))
    headers = [h for h in headers if os.sep + "uapi" + os.sep not in h]
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "one.c")
        for h in headers:
            rel = os.path.relpath(h, os.path.join(ROOT, "kernel"))
            with open(src, "w") as f:
                f.write('#include "%s"\n' % rel)
            r = subprocess.run(["i686-linux-gnu-gcc", "-ffreestanding", "-Wall", "-Werror",
                                "-I" + os.path.join(ROOT, "kernel"),
                                "-I" + os.path.join(ROOT, "kernel", "uapi"),
                                "-fsyntax-only", src],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               universal_newlines=True)
            if r.returncode != 0:
                failed.append("%s:\n%s" % (rel, r.stdout[-600:]))
    assert len(headers) > 40, "found only %d kernel headers" % len(headers)
    assert not failed, "not self-contained:\n" + "\n".join(failed)
