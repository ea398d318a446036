# Chromium for the HTML report's browser tests (issue 18 pt 3, test/html-report-browser.test.ts):
# Debian's package and a font, driven headless by playwright-core through its executablePath (no
# browser download). No service to start: exports TELAIO_CHROMIUM (the binary) and registers a stop
# function that does nothing. The tests keep their screenshots in artifacts/html-report/*.png
# (ignored by git): CI keeps that folder as an artefact.
# Sourced by .ci/run; by hand: TELAIO_CHROMIUM=/usr/bin/chromium npx -y pnpm@10 exec vitest run test/html-report-browser.test.ts

ci_apt_install chromium fonts-dejavu-core

export TELAIO_CHROMIUM="${TELAIO_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
echo "chromium: $("$TELAIO_CHROMIUM" --version 2>/dev/null | head -n 1) at $TELAIO_CHROMIUM"

# Nothing runs between tests: each test starts and closes its own headless browser.
stop_chromium() { :; }
CI_STOP+=(stop_chromium)
