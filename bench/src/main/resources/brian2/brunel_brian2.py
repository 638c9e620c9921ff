#!/usr/bin/env python3
"""Brunel (2000) network in Brian2, for scfabric's side-by-side comparison (docs/spec/brunel.md section 5).

Runs one mode (runtime = Cython code generation, or cpp_standalone) at the given size, duration and
seed and prints ONE line of JSON on stdout:

  {"mode", "brian2_version", "neurons", "duration_ms", "seed", "spikes", "rate_hz",
   "build_s", "wall_s", "peak_mb", "spike_steps": [...], "spike_neurons": [...]}

build_s is everything before the simulation loop (building the objects, code generation, compiling,
for standalone also starting the binary and reading results); wall_s is the simulation loop alone,
as Brian2 itself measures it (device._last_run_time). On failure it prints {"mode", "error"} and
exits 1. Brian2 draws from its own random generator: the same seed does not give the same network
as scfabric's numpy-compatible stream, only a statistically equivalent one.
"""
import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["runtime", "cpp_standalone"], required=True)
    ap.add_argument("--neurons", type=int, default=1000)
    ap.add_argument("--duration-ms", type=float, default=1000.0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--threads", type=int, default=0, help="cpp_standalone OpenMP threads (0 = none)")
    a = ap.parse_args()
    workdir = tempfile.mkdtemp(prefix="scfabric-brian2-")
    try:
        out = run(a, workdir)
    except Exception as e:  # reported to the caller as data, never a traceback on stdout
        out = {"mode": a.mode, "error": (type(e).__name__ + ": " + str(e)).replace("\n", " ")[:500]}
        print(json.dumps(out))
        sys.stdout.flush()
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(out, separators=(",", ":")))
    return 0


def run(a, workdir):
    t0 = time.perf_counter()
    import brian2 as b2
    from brian2 import ms, mV, Hz, second

    b2.prefs.logging.console_log_level = "ERROR"
    b2.prefs.logging.file_log = False
    b2.prefs.logging.delete_log_on_exit = True
    if a.mode == "cpp_standalone":
        b2.set_device("cpp_standalone", directory=os.path.join(workdir, "standalone"), build_on_run=False)
        b2.prefs.devices.cpp_standalone.openmp_threads = a.threads
    else:
        b2.prefs.codegen.target = "cython"

    # docs/spec/brunel.md section 1, in the reference's order of operations
    n = a.neurons
    n_exc = int(4 * n // 5)
    n_inh = n - n_exc
    conn_prob, J, g = 0.1, 0.1, 5.0
    v_th, v_reset, tau, dt, eta = 20.0, 10.0, 20.0, 0.1, 2.0
    c_e = conn_prob * n_exc
    nu_thr = v_th / (J * c_e * (tau * 1e-3))
    nu_ext = eta * nu_thr

    b2.seed(a.seed)
    b2.defaultclock.dt = dt * ms
    G = b2.NeuronGroup(n, "dv/dt = -v / tau_m : volt", threshold="v > theta", reset="v = v_r",
                       method="euler", namespace={"tau_m": tau * ms, "theta": v_th * mV, "v_r": v_reset * mV})
    G.v = 0 * mV
    s_exc = b2.Synapses(G[:n_exc], G, on_pre="v_post += J_exc", namespace={"J_exc": J * mV})
    s_exc.connect(p=conn_prob)
    syn = [s_exc]
    if n_inh > 0:
        s_inh = b2.Synapses(G[n_exc:], G, on_pre="v_post -= J_inh", namespace={"J_inh": g * J * mV})
        s_inh.connect(p=conn_prob)
        syn.append(s_inh)
    P = b2.PoissonInput(G, "v", N=int(round(c_e)), rate=nu_ext * Hz, weight=J * mV)
    M = b2.SpikeMonitor(G)
    net = b2.Network(G, P, M, *syn)
    duration = a.duration_ms * ms

    if a.mode == "cpp_standalone":
        net.run(duration)
        b2.device.build(directory=os.path.join(workdir, "standalone"), compile=True, run=True, debug=False)
    else:
        net.run(duration)
    total = time.perf_counter() - t0
    wall = float(b2.device._last_run_time)
    steps = [int(round(float(t) / (dt * 1e-3))) for t in M.t_[:]]
    neurons = [int(i) for i in M.i[:]]
    # the monitor lists spikes in time order, and within a step in neuron order
    order = sorted(range(len(steps)), key=lambda k: (steps[k], neurons[k]))
    steps = [steps[k] for k in order]
    neurons = [neurons[k] for k in order]
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kb = max(kb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {
        "mode": a.mode,
        "brian2_version": b2.__version__,
        "neurons": n,
        "duration_ms": a.duration_ms,
        "seed": a.seed,
        "spikes": len(steps),
        "rate_hz": len(steps) / (a.duration_ms / 1000.0) / n,
        "build_s": total - wall,
        "wall_s": wall,
        "peak_mb": kb / 1024.0,
        "spike_steps": steps,
        "spike_neurons": neurons,
    }


if __name__ == "__main__":
    sys.exit(main())
