"""The handbook stays true: the system-call index matches the table, and
every page the docs index links to exists."""

import os
import re
import subprocess
import sys

guest = ROOT = DEADLINE = None


def case_syscall_index_is_current():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "syscall-index"), "--check"])
    assert r.returncode == 0, "docs/syscall-index.md is stale: run tools/syscall-index"


def case_every_linked_docs_page_exists():
    text = open(os.path.join(ROOT, "docs", "README.md")).read()
    missing = [p for p in re.findall(r"\]\(([\w./-]+\.md)\)", text)
               if not os.path.exists(os.path.join(ROOT, "docs", p))]
    assert not missing, missing
