"""If init ever dies, the kernel panics and says why (docs/robustness.md).

No user program can end the real init (it is refused every signal it has
no handler for), so each case boots a guest whose /bin/init is replaced by
a small program that dies at once -- run-in-guest's --src programs replace
the image's programs of the same name -- and checks the console: the
panic's message with init's wait status, and a backtrace, instead of a
silent hang.

tests/run.py sets `guest` (tools/run-in-guest as a module), ROOT and
DEADLINE before the cases run.  Each case_* function fails by raising."""

import os
import re
import tempfile

guest = ROOT = DEADLINE = None


def boot_with_init(body):
    """Boots with /bin/init made from `int main(void) { body }` (no
    descriptors are open in it: the real init opens the console itself)."""
    with tempfile.TemporaryDirectory(prefix="parley-init-") as work:
        src = os.path.join(work, "init.c")
        with open(src, "w") as f:
            f.write("#include <fcntl.h>\n#include <unistd.h>\n"
                    "int main(void) { %s }\n" % body)
        return guest.run_command("true", DEADLINE, sources=[src], build=False)


def assert_init_death_panic(run, wait_status):
    assert run.code == guest.EXIT_PANIC, "exit %d (%s), not a panic" % (run.code, run.message)
    expected = "init exited (wait status 0x%x): the system cannot go on" % wait_status
    assert expected in run.transcript, "no %r in:\n%s" % (expected, run.transcript[-2000:])
    assert re.search(r"backtrace:\n\s+0x[0-9a-f]+\s+\w+", run.transcript), \
        "no backtrace after the panic:\n" + run.transcript[-2000:]


def case_init_that_exits_makes_the_kernel_panic_with_its_status():
    run = boot_with_init('write(open("/dev/console", O_WRONLY), "init: exiting on purpose\\n", 25);'
                         ' return 3;')
    assert "init: exiting on purpose" in run.transcript, "the replacement init did not run"
    assert_init_death_panic(run, 3 << 8)


def case_init_killed_by_its_own_fault_makes_the_kernel_panic():
    run = boot_with_init("*(volatile int *)0 = 1; return 0;")
    assert_init_death_panic(run, 11)        # killed by SIGSEGV
