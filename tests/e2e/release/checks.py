"""What the release's tests share: one line per check, and the project
version read from CMakeLists.txt with the tests' own pattern (not through
scripts/version.sh, the code under test)."""
import re

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def project_versions(source):
    """Every `project(itawb VERSION X.Y.Z)` of CMakeLists.txt, as (X, Y, Z)."""
    cmake = (source / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.findall(r"project\s*\(\s*itawb\s+VERSION\s+(\d+)\.(\d+)\.(\d+)", cmake)
