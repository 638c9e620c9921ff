#!/usr/bin/env bash
# Regenerates the area-model calibration table (docs/area.md): synthesises every point of
# org.scfabric.hw.area.AreaTable.POINTS with Yosys for iCE40 and xc7, stores the figures the tests
# check (hw-models/src/test/resources/org/scfabric/hw/area/yosys-points.csv) and rewrites the table
# between the markers of docs/area.md.
# Usage: rtl/area_table.sh             synthesise everything (about 5 minutes on one core), then the doc
#        rtl/area_table.sh --doc-only  only rewrite docs/area.md from the stored figures (after a model change)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v yosys >/dev/null || { [ "${1:-}" = "--doc-only" ] || { echo "area_table: yosys is not installed (apt-get install yosys)" >&2; exit 1; }; }
mvn -B -q -o -pl hw-models -am compile 2>/dev/null || mvn -B -q -pl hw-models -am compile
cp="hw-models/target/classes:sim/target/classes"
csv=hw-models/src/test/resources/org/scfabric/hw/area/yosys-points.csv
if [ "${1:-}" = "--doc-only" ]; then
  java -cp "$cp" org.scfabric.hw.area.AreaTable --doc docs/area.md --points "$csv"
else
  tmp="$(mktemp)"
  trap 'rm -f "$tmp"' EXIT
  java -cp "$cp" org.scfabric.hw.area.AreaTable --synth "$tmp"
  mv "$tmp" "$csv"
  trap - EXIT
  java -cp "$cp" org.scfabric.hw.area.AreaTable --doc docs/area.md --points "$csv"
fi
echo "area_table: wrote $csv and docs/area.md"
