#!/usr/bin/env python3
"""Classes each point of a Brunel sweep (sweep.csv of `scfabric sweep brunel --param g=... --param eta=...`)
into Brunel's (2000) states and compares the variants' classes point by point.

  quiet  mean rate below 0.5 Hz (too few spikes for a CV)
  SR     synchronous regular:    synchrony >= SYNC and CV of ISIs <  CV
  SI     synchronous irregular:  synchrony >= SYNC and CV of ISIs >= CV
  AR     asynchronous regular:   synchrony <  SYNC and CV of ISIs <  CV
  AI     asynchronous irregular: synchrony <  SYNC and CV of ISIs >= CV

SYNC = 0.1 (Golomb's chi^2 of 1 ms bins: about 1/N for independent neurons, 1 for all firing together)
and CV = 0.5 are this script's thresholds, not the paper's (it reads the states off rasters and spectra).
Usage: phase_states.py sweep.csv [SYNC CV]
"""
import csv
import sys

SYNC = float(sys.argv[2]) if len(sys.argv) > 2 else 0.1
CV = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5


def state(row):
    rate = float(row["rate_hz"] or 0)
    if rate < 0.5 or not row["cv_isi"]:
        return "quiet"
    sync = float(row["synchrony"] or 0) >= SYNC
    irregular = float(row["cv_isi"]) >= CV
    return ("S" if sync else "A") + ("I" if irregular else "R")


def num(v, fmt):
    return format(float(v), fmt) if v else "–"


def figs(r):
    return f"{float(r['rate_hz']):.1f} Hz, CV {num(r['cv_isi'], '.2f')}, sync {num(r['synchrony'], '.3f')}"


rows = list(csv.DictReader(open(sys.argv[1])))
gs, etas, runs, cls = [], [], [], {}
for r in rows:
    for lst, v in ((gs, r["g"]), (etas, r["eta"]), (runs, r["run"])):
        if v not in lst:
            lst.append(v)
    cls[(r["run"], r["g"], r["eta"])] = (state(r), r)

print(f"States (synchrony >= {SYNC}: S, else A; CV >= {CV}: I, else R; quiet below 0.5 Hz); rows eta, columns g.\n")
for run in runs:
    print(f"### {run}\n")
    print("| eta \\ g | " + " | ".join(gs) + " |")
    print("|---" * (len(gs) + 1) + "|")
    for e in reversed(etas):
        print(f"| {e} | " + " | ".join(cls[(run, g, e)][0] for g in gs) + " |")
    print()
if len(runs) >= 2:
    a, b = runs[0], runs[1]
    diff = [(g, e) for g in gs for e in etas if cls[(a, g, e)][0] != cls[(b, g, e)][0]]
    print(f"{b} differs from {a} at {len(diff)} of {len(gs) * len(etas)} points" + (":" if diff else "."))
    for g, e in diff:
        ra, rb = cls[(a, g, e)][1], cls[(b, g, e)][1]
        print(f"* g {g}, eta {e}: {a} {cls[(a, g, e)][0]} ({figs(ra)}), {b} {cls[(b, g, e)][0]} ({figs(rb)})")
    print()
if len(runs) >= 2:
    # the boundaries move continuously before a class changes: the rate ratio shows where and how far
    print(f"Mean rate of {b} over {a}; rows eta, columns g ('–' where {a} is quiet):\n")
    print("| eta \\ g | " + " | ".join(gs) + " |")
    print("|---" * (len(gs) + 1) + "|")
    for e in reversed(etas):
        cells = []
        for g in gs:
            ra, rb = float(cls[(a, g, e)][1]["rate_hz"] or 0), float(cls[(b, g, e)][1]["rate_hz"] or 0)
            cells.append(f"{rb / ra:.2f}" if ra >= 0.5 else "–")
        print(f"| {e} | " + " | ".join(cells) + " |")
    print()
papers = {"A": ("3", "2"), "B": ("6", "4"), "C": ("5", "2"), "D": ("4.5", "0.9")}
print("The paper's states (Brunel 2000: A SR, B SI fast, C AI, D SI slow) here:\n")
print("| state | g | eta | " + " | ".join(runs) + " |")
print("|---" * (3 + len(runs)) + "|")
for k, (g, e) in papers.items():
    cells = []
    for run in runs:
        s, r = cls[(run, g, e)]
        cells.append(f"{s}: {float(r['rate_hz']):.1f} Hz, CV {float(r['cv_isi']):.2f}, sync {float(r['synchrony']):.3f}"
                     if r["cv_isi"] else f"{s}: {float(r['rate_hz']):.1f} Hz")
    print(f"| {k} | {g} | {e} | " + " | ".join(cells) + " |")
