"""The tools in tools/ are Python scripts without a .py suffix; load_tool()
imports one as a module by its path, for the tests and for other tools
(grade-program uses run-in-guest's QEMU plumbing)."""

import importlib.machinery
import importlib.util
import os

TOOLS = os.path.dirname(os.path.abspath(__file__))


def load_source(name, path):
    """The Python file at path as a fresh module called name."""
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def load_tool(tool):
    """tools/TOOL (run-in-guest, ipc-diagram, bench...) as a module."""
    return load_source(tool.replace("-", "_"), os.path.join(TOOLS, tool))
