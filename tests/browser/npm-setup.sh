# npm-setup.sh — sourced by the browser tests: installs tests/browser's npm
# packages into tests/browser/node_modules when missing.  Sets NPM_OK=1.
NPM_OK=0
bdir="$TOP/tests/browser"
if [ -d "$bdir/node_modules/playwright-core" ] && [ -d "$bdir/node_modules/axe-core" ] && [ -d "$bdir/node_modules/vnu-jar" ]; then
	NPM_OK=1
elif command -v npm >/dev/null 2>&1; then
	if [ -f "$bdir/package-lock.json" ]; then
		(cd "$bdir" && npm ci --no-audit --no-fund >/dev/null 2>&1) && NPM_OK=1
	else
		(cd "$bdir" && npm install --no-audit --no-fund >/dev/null 2>&1) && NPM_OK=1
	fi
fi
