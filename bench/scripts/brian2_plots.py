#!/usr/bin/python3
"""Figures of docs/brian2.md from `scfabric brian2 ... --compare` reports (FILE-compare.json).

usage: /usr/bin/python3 bench/scripts/brian2_plots.py fi REPORT.json OUT.png      f-I curve, Brian2 beside float64
       /usr/bin/python3 bench/scripts/brian2_plots.py raster REPORT.json OUT.png  first 50 neurons, both engines
"""
import json
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402


def main():
    kind, report, out = sys.argv[1:4]
    r = json.load(open(report))
    dt, steps = r['dt'], r['steps']
    name, g = next(iter(r['groups'].items()))
    if kind == 'fi':
        n = g['neurons']
        # IF_curve_LIF.py sets v0 = 20 mV * i / (n - 1)
        v0 = [20.0 * i / (n - 1) for i in range(n)]
        seconds = steps * dt
        fig, ax = plt.subplots(figsize=(5, 3.5))
        ax.plot(v0, [c / seconds for c in g['brian2']['counts']], lw=3, color='0.7', label='Brian2 (runtime)')
        ax.plot(v0, [c / seconds for c in g['float64']['counts']], lw=1, color='C3', label='scfabric float64')
        ax.set_xlabel('v0 (mV)')
        ax.set_ylabel('firing rate (spikes/s)')
        ax.legend(frameon=False)
        ax.set_title(f"{r['script']}: {g['spike_agreement']:.4f} of Brian2's spikes equal")
    else:
        fig, axs = plt.subplots(2, 1, figsize=(6, 4), sharex=True)
        for ax, side in zip(axs, ('brian2', 'float64')):
            pts = g[side]['raster_first_50']
            ax.plot([p[0] * dt * 1e3 for p in pts], [p[1] for p in pts], '|', ms=3, color='k')
            ax.set_ylabel(f'{side}\nneuron')
            ax.set_title(f"{side}: {g[side]['rate_hz']:.2f} Hz, CV {g[side]['cv_isi'] or float('nan'):.2f}",
                         fontsize=9)
        axs[1].set_xlabel('t (ms)')
        fig.suptitle(r['script'])
    fig.tight_layout()
    fig.savefig(out, dpi=110)


if __name__ == '__main__':
    main()
