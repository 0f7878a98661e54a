#!/usr/bin/env bash
# moto's S3 server comes from PyPI (this machine image ships moto 5.2.1). Idempotent: does nothing when moto_server is
# on the PATH; otherwise tries pip, and fails when that is not possible (the tests then skip, or fail under CI=true).
set -euo pipefail
command -v moto_server >/dev/null && exit 0
if command -v pip3 >/dev/null && pip3 install --quiet 'moto[server]==5.2.1'; then
  command -v moto_server >/dev/null && exit 0
fi
echo "moto_server is not installed and could not be installed with pip3 (PyPI unreachable?)" >&2
exit 1
