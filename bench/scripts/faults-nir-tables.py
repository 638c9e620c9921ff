#!/usr/bin/python3
"""Markdown tables of the braille robustness campaigns (bench/scripts/faults-nir-report.sh): per memory,
per layer and per bit position, Q8.8 weights against SC synapses (and Q16.12 weights), and the SC datapath's own
memories (weight-stream ROM, encoders). Usage: faults-nir-tables.py DATA_DIR"""
import json
import re
import sys
from collections import defaultdict

data = sys.argv[1]
FMTS = ["q8.8", "sc", "q16.12"]


def load(fmt, kind):
    with open(f"{data}/{fmt}-{kind}.json") as f:
        return json.load(f)


def pct(a, n):
    return "—" if n == 0 else f"{100.0 * a / n:.1f} %"


def stats(outcomes):
    n = len(outcomes)
    masked = sum(o["class"] == "masked" for o in outcomes)
    failed = sum(o["class"] == "failed" for o in outcomes)
    argmax = sum(bool(o.get("argmax_changed")) for o in outcomes)
    errs = [o["rate_error"] for o in outcomes if o.get("rate_error") is not None]
    mean = sum(errs) / len(errs) if errs else 0.0
    return n, masked, failed, argmax, mean


def layer_of(report, word, memory):
    """The population of a core0 memory word (K = 1: word a of vmem/imem is neuron a; acc word (bank*G+g)*S + a)."""
    pops = report["campaign"]["params"]["populations"]
    n = report["campaign"]["params"]["neurons"]
    a = word % n if memory == "acc" else word
    for p in pops:
        if p["first_neuron"] <= a < p["first_neuron"] + p["neurons"]:
            return p["name"]
    return "?"


SITE = re.compile(r"^core0\.(\w+)\[(\d+)\]\[(\d+)\]$")

print("### Every bit of the fabric: 3 000 single faults (sa0, sa1, flip) per format\n")
print("| memory or register group | format | faults | masked | failed | argmax changed | mean rate error |")
print("|---|---|---|---|---|---|---|")
groups = defaultdict(dict)
for fmt in FMTS:
    r = load(fmt, "all")
    by = defaultdict(list)
    for o in r["outcomes"]:
        by[o["group"]].append(o)
    for g, os_ in by.items():
        groups[g][fmt] = stats(os_)
order = sorted(groups, key=lambda g: -sum(v[0] for v in groups[g].values()))
for g in order:
    for fmt in FMTS:
        if fmt in groups[g]:
            n, m, f, a, e = groups[g][fmt]
            print(f"| `{g}` | {fmt} | {n} | {pct(m, n)} | {pct(f, n)} | {pct(a, n)} | {e:.4f} |")
for fmt in FMTS:
    s = load(fmt, "all")["summary"]
    print(f"| **all** | {fmt} | {s['items']} | {pct(s['masked'], s['items'])} | {pct(s['failed'], s['items'])} | "
          f"{pct(s['argmax_changed'], s['items'])} | {s['mean_rate_error']:.4f} |")

print("\n### Per layer and memory: every stuck-at on the neuron state and accumulators\n")
print("| layer | memory | format | faults | masked | failed | argmax changed | mean rate error |")
print("|---|---|---|---|---|---|---|---|")
rows = defaultdict(dict)
for fmt in FMTS:
    for kind in ["state", "acc"]:
        r = load(fmt, kind)
        by = defaultdict(list)
        for o in r["outcomes"]:
            m = SITE.match(o["site"])
            by[(layer_of(r, int(m.group(2)), m.group(1)), m.group(1))].append(o)
        for k, os_ in by.items():
            rows[k][fmt] = stats(os_)
for k in sorted(rows):
    for fmt in FMTS:
        if fmt in rows[k]:
            n, m, f, a, e = rows[k][fmt]
            print(f"| {k[0]} | `{k[1]}` | {fmt} | {n} | {pct(m, n)} | {pct(f, n)} | {pct(a, n)} | {e:.4f} |")

print("\n### Per bit position: stuck-ats on the membrane `vmem`, the current `imem` and the accumulators `acc` "
      "(argmax changed, all layers)\n")
header = "| bit |"
for mem in ["vmem", "imem", "acc"]:
    for fmt in FMTS:
        header += f" {mem} {fmt} |"
print(header)
print("|---|" + "---|" * 3 * len(FMTS))
bits = defaultdict(lambda: defaultdict(list))
maxbit = 0
for fmt in FMTS:
    for kind in ["state", "acc"]:
        for o in load(fmt, kind)["outcomes"]:
            m = SITE.match(o["site"])
            bits[(m.group(1), fmt)][o["bit"]].append(o)
            maxbit = max(maxbit, o["bit"])
for b in range(maxbit + 1):
    line = f"| {b} |"
    for mem in ["vmem", "imem", "acc"]:
        for fmt in FMTS:
            os_ = bits[(mem, fmt)].get(b, [])
            n, _, _, a, _ = stats(os_)
            line += f" {pct(a, n) if n else ''} |"
    print(line)

print("\n### The synapse memory `router.fanout` by field: 3 000 single faults per format\n")
print("| field | format | faults | masked | failed | argmax changed | mean rate error |")
print("|---|---|---|---|---|---|---|")
for fmt in FMTS:
    r = load(fmt, "fanout")
    wl = r["campaign"]["params"]["fanout_word"]
    wb, tb = wl["weight_bits"], wl["tag_bits"]
    eb, sb = wl.get("sc_encoder_bits"), wl.get("sc_stream_bits")
    by = defaultdict(list)
    for o in r["outcomes"]:
        b = o["bit"]
        if eb is not None and b < wb:
            # SC payload, from the top: SC flag, sign, encoder index, ROM stream index
            if b == wb - 1:
                field = f"SC flag (bit {b})"
            elif b == wb - 2:
                field = f"sign (bit {b})"
            elif b >= sb and b < sb + eb:
                field = f"encoder index (bits {sb}..{sb + eb - 1})"
            elif b < sb:
                field = f"ROM stream index (bits 0..{sb - 1})"
            else:
                field = f"unused payload bits ({sb + eb}..{wb - 3})"
        elif b == wb - 1:
            field = f"weight sign (bit {b})"
        elif b < wb:
            field = f"weight bits 0..{wb - 2}"
        elif b < wb + tb:
            field = f"tag (delay bank, group; bits {wb}..{wb + tb - 1})"
        else:
            field = f"target neuron (bits {wb + tb}..{wb + tb + wl['target_bits'] - 1})"
        by[field].append(o)
    for field in sorted(by):
        n, m, f, a, e = stats(by[field])
        print(f"| {field} | {fmt} | {n} | {pct(m, n)} | {pct(f, n)} | {pct(a, n)} | {e:.4f} |")


def sc_layer(entries, index, first, count):
    for e in entries:
        if e[first] <= index < e[first] + e[count]:
            return e.get("node", e.get("sources"))
    return "?"


ROMSITE = re.compile(r"^router\.sc_wrom\[(\d+)\]\[(\d+)\]$")
ENCSITE = re.compile(r"^router\.sc_(enc|stream)\[(\d+)\]\[(\d+)\]$")
rom = load("sc", "wrom")
params = rom["campaign"]["params"]
L = params["bitstream"]
words = L // 64
print(f"\n### SC only: the weight-stream ROM `router.sc_wrom` ({L} bits per weight), 3 000 single faults\n")
print("| weighted node (layer) | faults | masked | failed | argmax changed | mean rate error |")
print("|---|---|---|---|---|---|")
by = defaultdict(list)
kinds = defaultdict(list)
for o in rom["outcomes"]:
    m = ROMSITE.match(o["site"])
    by[sc_layer(params["sc_rom"], int(m.group(1)) // words, "first_stream", "streams")].append(o)
    kinds[o["kind"]].append(o)
for k in sorted(by):
    n, m_, f, a, e = stats(by[k])
    print(f"| {k} | {n} | {pct(m_, n)} | {pct(f, n)} | {pct(a, n)} | {e:.4f} |")
print("\n| fault kind | faults | masked | failed | argmax changed | mean rate error |")
print("|---|---|---|---|---|---|")
for k in sorted(kinds):
    n, m_, f, a, e = stats(kinds[k])
    print(f"| {k} | {n} | {pct(m_, n)} | {pct(f, n)} | {pct(a, n)} | {e:.4f} |")

enc = load("sc", "enc")
params = enc["campaign"]["params"]
print("\n### SC only: the input encoders `router.sc_enc` (LFSR state bits 0..15, comparator input bits 16..31) "
      "and the stream buffer `router.sc_stream`, 3 000 single faults\n")
print("| memory | field | sources | faults | masked | failed | argmax changed | mean rate error |")
print("|---|---|---|---|---|---|---|---|")
by = defaultdict(list)
for o in enc["outcomes"]:
    m = ENCSITE.match(o["site"])
    mem, word, bit = m.group(1), int(m.group(2)), int(m.group(3))
    if mem == "enc":
        field = "LFSR state" if bit < 16 else "comparator input"
        src = sc_layer(params["sc_encoders"], word, "first_encoder", "encoders")
    else:
        field = "stream bits"
        src = "(the routed spike)"
    by[(f"sc_{mem}", field, src)].append(o)
for k in sorted(by):
    n, m_, f, a, e = stats(by[k])
    print(f"| `{k[0]}` | {k[1]} | {k[2]} | {n} | {pct(m_, n)} | {pct(f, n)} | {pct(a, n)} | {e:.4f} |")
