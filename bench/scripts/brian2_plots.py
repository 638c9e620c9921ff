#!/usr/bin/python3
"""Figures of docs/brian2.md from `scfabric brian2 ... --compare` reports (FILE-compare.json).

usage: /usr/bin/python3 bench/scripts/brian2_plots.py fi REPORT.json OUT.png      f-I curve, Brian2 beside float64
       /usr/bin/python3 bench/scripts/brian2_plots.py raster REPORT.json OUT.png  first 50 neurons, both engines
       /usr/bin/python3 bench/scripts/brian2_plots.py panels DIR OUTDIR   Brunel_2000 panels A-D from
           DIR/P-K-compare.json (bench/scripts/brian2-brunel-panels.sh): OUTDIR/brunel-panels.md (rate, CV, Fano and
           spectral peak, mean and spread over instances, per engine), brunel-spectra.png, brunel-rasters.png
"""
import glob
import os
import statistics
import json
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402


def spectrum(counts, dt):
    """Welch-averaged power spectrum of the population rate (spikes per step), 2048-step windows, mean removed."""
    import numpy as np
    x = np.asarray(counts, dtype=float)
    win = 2048 if len(x) >= 2048 else len(x)
    segs = [x[i:i + win] for i in range(0, len(x) - win + 1, win // 2)]
    h = np.hanning(win)
    p = np.mean([np.abs(np.fft.rfft((s - s.mean()) * h)) ** 2 for s in segs], axis=0)
    f = np.fft.rfftfreq(win, dt)
    return f, p


def panels(folder, out):
    import numpy as np
    sides = ('brian2', 'float64')
    rows = []
    fig_s, axs_s = plt.subplots(1, 4, figsize=(13, 3))
    fig_r, axs_r = plt.subplots(2, 4, figsize=(13, 4.5), sharey=True)
    for col, panel in enumerate('ABCD'):
        files = sorted(glob.glob(os.path.join(folder, f'{panel}-*-compare.json')))
        if not files:
            continue
        stats = {s: {'rate': [], 'cv': [], 'fano': [], 'peak': []} for s in sides}
        psd = {s: [] for s in sides}
        for k, path in enumerate(files):
            r = json.load(open(path))
            dt = r['dt']
            g = next(iter(r['groups'].values()))
            for s in sides:
                f, p = spectrum(g[s]['population_per_step'], dt)
                band = (f > 5) & (f < 500)  # above the slow drift of the first steps, as plotted
                stats[s]['rate'].append(g[s]['rate_hz'])
                stats[s]['cv'].append(g[s]['cv_isi'])
                stats[s]['fano'].append(g[s]['fano'])
                stats[s]['peak'].append(f[band][np.argmax(p[band])])
                psd[s].append(p)
                if k == 0:
                    pts = g[s]['raster_first_50']
                    ax = axs_r[sides.index(s)][col]
                    t0 = r['steps'] * dt * 1e3 - 200  # the script's own window: the last 100-200 ms
                    ax.plot([q[0] * dt * 1e3 for q in pts], [q[1] for q in pts], '|', ms=2, color='k')
                    ax.set_xlim(max(0, t0), r['steps'] * dt * 1e3)
                    ax.set_title(f'{panel} {s}: {g[s]["rate_hz"]:.1f} Hz', fontsize=9)
            ax = axs_s[col]
            if k == len(files) - 1:
                for s, c in zip(sides, ('0.6', 'C3')):
                    ax.semilogy(f, np.mean(psd[s], axis=0), color=c, lw=2 if s == 'brian2' else 1,
                                label='Brian2' if s == 'brian2' else 'scfabric float64')
                ax.set_xlim(0, 500)
                ax.set_title(f'panel {panel} ({len(files)} instances)', fontsize=9)
                ax.set_xlabel('f (Hz)')
        axs_s[0].set_ylabel('population rate power')
        axs_s[0].legend(frameon=False, fontsize=8)

        def ms(v):
            v = [x for x in v if x is not None]
            return f'{statistics.mean(v):.3g} ± {statistics.stdev(v):.2g}' if len(v) > 1 else f'{v[0]:.3g}'
        rows.append(f'| {panel} | {len(files)} | ' + ' | '.join(
            f'{ms(stats["brian2"][m])} | {ms(stats["float64"][m])}' for m in ('rate', 'cv', 'fano', 'peak')) + ' |')
    for a in axs_r[1]:
        a.set_xlabel('t (ms)')
    fig_s.tight_layout()
    fig_s.savefig(os.path.join(out, 'brunel-spectra.png'), dpi=100)
    fig_r.tight_layout()
    fig_r.savefig(os.path.join(out, 'brunel-rasters.png'), dpi=100)
    with open(os.path.join(out, 'brunel-panels.md'), 'w') as f:
        f.write('| panel | instances | Brian2 rate (Hz) | float64 rate (Hz) | Brian2 CV | float64 CV | Brian2 Fano '
                '| float64 Fano | Brian2 spectral peak (Hz) | float64 spectral peak (Hz) |\n'
                '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n' + '\n'.join(rows) + '\n')


def main():
    if sys.argv[1] == 'panels':
        panels(sys.argv[2], sys.argv[3])
        return
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
