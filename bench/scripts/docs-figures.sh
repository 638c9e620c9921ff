#!/usr/bin/env bash
# Re-runs the commands the docs give for their deterministic figures (spike counts, rates, CV, Fano,
# areas, cycles per step, latencies in cycles, FIFO figures, fault outcome classes; never timings) and
# checks every figure against the number the doc states. The stated numbers are read from the docs
# themselves, so an edited doc is checked too. Prints one table (doc, figure, stated, reproduced, ok)
# and exits 1 when any figure differs. About 3 minutes on the 2-core machine (load 13); FULL=1 adds the V11
# fault campaign and the kernel engine's default fabric run (7.5 minutes in all at load 20). Not part of CI.
#
# Usage: bench/scripts/docs-figures.sh [WORK_DIR]   (default: a temporary folder, deleted at the end)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sc="$root/scfabric"
if [ -n "${1:-}" ]; then work="$1"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
py=/usr/bin/python3; [ -x "$py" ] || py=python3
step() { echo "docs-figures: $*" >&2; }

# docs/variants.md (reference table) and docs/tutorial.md §6: ./scfabric brunel (20 variants, N 1000, 1 s, seed 42)
step "brunel, every variant, N 1000, 1 s, seed 42"
"$sc" brunel --no-plots --out "$work/brunel" >/dev/null 2>"$work/brunel.err" || { cat "$work/brunel.err" >&2; exit 1; }

# docs/fabric.md "Reading the figures": ./scfabric fabric (the kernel engine; the fast engine gives the
# same figures, FabricEngineTest, and is what runs here unless FULL=1)
engine=fast; [ "${FULL:-0}" = 1 ] && engine=kernel
step "fabric, defaults, --engine $engine"
"$sc" fabric --engine "$engine" --hgrm "$work/fabric.hgrm" >"$work/fabric.out" 2>"$work/fabric.err" \
  || { cat "$work/fabric.err" >&2; exit 1; }

# docs/fabric.md sweep table: bench/scripts/fabric-sweep.sh 1000 1000 100 stall
step "fabric sweep (17 architectures, fast engine)"
"$root/bench/scripts/fabric-sweep.sh" 1000 1000 100 stall >"$work/fabric-sweep.md" 2>"$work/fabric-sweep.err" \
  || { cat "$work/fabric-sweep.err" >&2; exit 1; }

# docs/faults.md §7 'bits' row: the first campaign of bench/scripts/faults-report.sh, per variant
variants=(V3); [ "${FULL:-0}" = 1 ] && variants=(V3 V11)
for v in "${variants[@]}"; do
  step "faults bits campaign, $v"
  "$sc" faults --variant "$v" --neurons 1000 --duration-ms 100 --net-seed 42 --seed 1 --sites 'core0.lif[1?].v[*]' \
    --kinds sa0,sa1 --json "$work/faults-$v-bits.json" >/dev/null 2>"$work/faults.err" \
    || { cat "$work/faults.err" >&2; exit 1; }
done

# docs/nir.md's comparison tables: ./scfabric nir FILE --poisson HZ --steps T (seed 42, default dt)
nir="$root/network/src/test/resources/nir"
step "nir braille_noDelay_bias_zero 400 Hz 500 steps, cnn_sinabs 200 Hz 300 steps"
"$sc" nir "$nir/braille_noDelay_bias_zero.nir" --poisson 400 --steps 500 --no-plots --out "$work/nir-braille_noDelay_bias_zero" \
  >/dev/null 2>"$work/nir.err" || { cat "$work/nir.err" >&2; exit 1; }
"$sc" nir "$nir/cnn_sinabs.nir" --poisson 200 --steps 300 --no-plots --out "$work/nir-cnn_sinabs" \
  >/dev/null 2>"$work/nir.err" || { cat "$work/nir.err" >&2; exit 1; }

"$py" - "$root" "$work" <<'PY'
import json, os, re, sys

root, work = sys.argv[1:]
rows = []


def doc(name):
    with open(os.path.join(root, "docs", name), encoding="utf-8") as f:
        return f.read()


def num(s):
    """A number as the docs write it: '99 830', '16,258,808', '**66 488**', '61.5 %'."""
    s = s.replace("*", "").replace("\u2009", "").replace(" ", "").replace(",", "").replace("%", "").strip()
    return float(s)


def check(docname, figure, stated, reproduced, places=None):
    """Equal as the doc rounds it: to the stated number's decimals (or `places`)."""
    if stated is None or reproduced is None:
        ok = stated is None and reproduced is None
    else:
        text = str(stated)
        d = places if places is not None else (len(text.split(".")[1]) if "." in text else 0)
        ok = abs(float(reproduced) - num(text)) <= 0.5 * 10 ** -d + 1e-9
        reproduced = f"{float(reproduced):.{d}f}"
    rows.append((docname, figure, stated, reproduced, "ok" if ok else "DIFFERS"))


def table(text, header_start):
    """The rows (lists of cells) of the Markdown table whose header line starts with header_start."""
    lines = text.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith(header_start))
    out = []
    for l in lines[i + 2:]:
        if not l.startswith("|"):
            break
        out.append([c.strip() for c in l.strip().strip("|").split("|")])
    return out


# ---- brunel: variants.md's reference table and tutorial.md §6
runs = {r["variant"]: r for r in json.load(open(os.path.join(work, "brunel", "results.json")))["runs"]}
for cells in table(doc("variants.md"), "| variant | what runs on the kernel"):
    v, last = cells[0], cells[-1]
    m = re.match(r"\**([\d ]*\d)\**(?: \(p = ([\d.]+)\))?", last)
    check("variants.md", f"{v} spikes", m.group(1).strip(), runs[v]["spikes"])
    if m.group(2):
        check("variants.md", f"{v} mean output probability", m.group(2), runs[v]["extras"]["mean_output_probability"])

cols = {1: "spikes", 2: "rate_hz", 3: "cv_isi", 4: "fano", 6: "lut", 7: "ff", 8: "bram_bits", 9: "dsp"}
for cells in table(doc("tutorial.md"), "| variant | spikes | rate Hz | CV ISI | Fano"):
    if cells[0].startswith("Brian2"):
        continue  # Brian2's own network: not scfabric's to reproduce
    names = re.findall(r"V\d+", cells[0])
    for k, col in cols.items():
        if not cells[k]:
            continue  # a software variant has no area
        values = [x.strip() for x in cells[k].split("/")]
        for j, v in enumerate(names):
            stated = values[j] if len(values) == len(names) else values[0]
            got = runs[v]["area"][col] if k >= 6 else runs[v][col]
            if stated == "–":  # no spikes: no rate, CV or Fano
                rows.append(("tutorial.md §6", f"{v} {col}", stated, got,
                             "ok" if got in (None, 0, 0.0) else "DIFFERS"))
            else:
                check("tutorial.md §6", f"{v} {col}", stated, got)

# ---- fabric: the default run's printout, line by line (wall-clock free lines only)
block = doc("fabric.md").split("The default run prints", 1)[1].split("```", 2)[1]
stated_lines = {l[:18].strip(): l[18:].strip() for l in block.strip().splitlines()}
got_lines = {l[:18].strip(): l[18:].strip() for l in open(os.path.join(work, "fabric.out")) if len(l) > 18}
for key in ["architecture", "workload", "spikes", "cycles per step", "total cycles", "real-time factor", "late steps",
            "utilisation", "FIFO occupancy", "overflow", "latency (first)", "latency (last)"]:
    s, g = stated_lines.get(key), got_lines.get(key)
    rows.append(("fabric.md default run", key, s, g, "ok" if s == g else "DIFFERS"))

# ---- fabric: the sweep table, row by row (K, P, D)
def sweep_rows(text):
    out = {}
    for cells in table(text, "| K | P | FIFO D |"):
        out[(cells[0], cells[1], cells[2])] = cells[3:]
    return out

stated = sweep_rows(doc("fabric.md"))
got = sweep_rows(open(os.path.join(work, "fabric-sweep.md")).read())
for key, cells in stated.items():
    g = got.get(key)
    rows.append(("fabric.md sweep", "K %s P %s D %s" % key, " | ".join(cells), " | ".join(g) if g else None,
                 "ok" if g == cells else "DIFFERS"))

# ---- faults: §7's bits row (masked, degraded, failed) per variant run
for cells in table(doc("faults.md"), "| variant | membrane | masked |"):
    v = cells[0]
    p = os.path.join(work, f"faults-{v}-bits.json")
    if not os.path.exists(p):
        continue
    s = json.load(open(p))["summary"]
    for k, col in ((2, "masked"), (3, "degraded"), (4, "failed")):
        check("faults.md §7 bits", f"{v} {col}", cells[k].split(" (")[0], s[col])

# ---- nir: spikes per arithmetic, equal output counts, mean van Rossum, argmax; cnn_sinabs per layer
nirdoc = doc("nir.md")
ariths = ["float64", "q8.8", "q16.12", "sc"]
for cells in table(nirdoc, "| network | input | float64 spikes |"):
    net = cells[0]
    runs_n = {r["arith"]: r for r in json.load(open(os.path.join(work, "nir-" + net, "results.json")))["runs"]}
    for k, a in enumerate(ariths):
        check("nir.md", f"{net} {a} spikes", cells[2 + k], runs_n[a]["total_spikes"])
    for a, eq, vr in zip(ariths[1:], cells[6].split(" / "), cells[7].split(" / ")):
        out = runs_n[a]["vs_float64"]
        neurons = sum(o["neurons"] for o in out.values())
        equal = sum(round(o["spike_count_agreement"] * o["neurons"]) for o in out.values())
        rows.append(("nir.md", f"{net} {a} equal output counts", eq.strip(), f"{equal}/{neurons}",
                     "ok" if eq.strip() == f"{equal}/{neurons}" else "DIFFERS"))
        mean = sum(o["van_rossum_mean"] * o["neurons"] for o in out.values()) / neurons
        check("nir.md", f"{net} {a} mean van Rossum", vr.strip(), mean)
    agree = all(o["argmax_agrees"] for a in ariths[1:] for o in runs_n[a]["vs_float64"].values())
    rows.append(("nir.md", f"{net} argmax agrees", cells[8], "all three" if agree else "not all",
                 "ok" if (cells[8] == "all three") == agree else "DIFFERS"))
cnn = {r["arith"]: r for r in json.load(open(os.path.join(work, "nir-cnn_sinabs", "results.json")))["runs"]}
for cells in table(nirdoc, "| cnn_sinabs node | neurons |"):
    node = cells[0].split()[0]
    for k, a in enumerate(ariths[1:]):
        check("nir.md per layer", f"cnn_sinabs node {node} {a}", cells[2 + k], cnn[a]["layer_agreement"][node])

w = [max(len(str(r[i])) for r in rows + [("doc", "figure", "stated", "reproduced", "ok")]) for i in range(5)]
w[2] = min(w[2], 60)
w[3] = min(w[3], 60)
print("| doc | figure | stated | reproduced | ok |")
print("|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(str(c) for c in r) + " |")
bad = [r for r in rows if r[4] != "ok"]
print(f"\n{len(rows)} figures, {len(rows) - len(bad)} reproduced, {len(bad)} differ", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
