#!/usr/bin/env bash
# The browser side, end to end: builds the WebAssembly module for the page
# (hosts/wasm/build.sh: dependencies cached by their recipe's hash, hosts/cross/deps.sh), puts the
# page and the Excel add-in together, then
#   1. the wasm command line under node against the native one
#      (hosts/cross/compare.sh --runner node),
#   2. the page from disk in Debian's Chromium (tests/e2e/web/page_test.js),
#   3. the task pane's Excel calls against office-addin-mock (taskpane_test.js),
#      and the page's analysis against analyze --json (results_test.js),
#   4. the add-in manifests: manifest.xml (tests/e2e/web/manifest_check.py) and
#      manifest.json (office-addin-manifest validate).
# Needs build/itawb (the native build) for the comparisons.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bash hosts/wasm/install-tools.sh >/dev/null
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed" ||
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-thai-tlwg libxml2-utils >/dev/null
(cd hosts/web && npm ci --no-audit --no-fund --loglevel=error)
bash hosts/wasm/build.sh
B=${ITAWB_WASM_BUILD:-build-wasm}
/usr/bin/python3 hosts/web/build_page.py "$B/itawb_web.js" "$B/itawb.html"
/usr/bin/python3 hosts/excel/build.py "$B/itawb_web.js" "$B/excel-addin"
export NODE_PATH="$PWD/hosts/web/node_modules"
fail=0
bash hosts/cross/compare.sh --runner node || fail=1
ITAWB_PAGE="$PWD/$B/itawb.html" node tests/e2e/web/page_test.js || fail=1
node tests/e2e/web/taskpane_test.js || fail=1
ITAWB_NATIVE="$PWD/build/itawb" node tests/e2e/web/results_test.js || fail=1
/usr/bin/python3 tests/e2e/web/manifest_check.py "$B/excel-addin/manifest.xml" || fail=1
# The unified manifest: office-addin-manifest checks it against the schema it
# carries (the XML one it can only post to Microsoft's service, not reachable).
if (cd hosts/web && npx --no-install office-addin-manifest validate "$OLDPWD/$B/excel-addin/manifest.json"); then
  echo "manifest.json: valid (office-addin-manifest validate)"
else
  echo "manifest.json: INVALID"; fail=1
fi
ls -l "$B/itawb.html" "$B/excel-addin/taskpane.html" "$B/itawb.wasm"
exit $fail
