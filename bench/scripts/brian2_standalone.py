#!/usr/bin/env python3
# Runs a Brian2 script under Brian2's cpp_standalone device (C++ generated, compiled and run at the script's
# run()) and writes {"run_s": the run phase as the generated binary times it (Network::_last_run_time),
# "binary_s": the binary's whole execution, "compile_s"} to OUT.json. The whole process is timed by the caller.
# Only scripts with one run() (build_on_run). Used by bench/scripts/brian2-perf.sh. THREADS (optional, default 0:
# Brian2's default, no OpenMP) sets prefs.devices.cpp_standalone.openmp_threads.
#   /usr/bin/python3 bench/scripts/brian2_standalone.py SCRIPT.py OUT.json BUILD_DIR [THREADS]
import json
import os
import runpy
import sys

import matplotlib
matplotlib.use('Agg')
import brian2  # noqa: E402

script, out, build = sys.argv[1], sys.argv[2], sys.argv[3]
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 0
brian2.set_device('cpp_standalone', directory=build, build_on_run=True)
if threads:
    brian2.prefs.devices.cpp_standalone.openmp_threads = threads
sys.argv = [script]
runpy.run_path(script, run_name='__main__')
d = brian2.get_device()
compile_s = sum(v for v in (d.timers.get('compile') or {}).values() if v is not None)
with open(out, 'w') as f:
    json.dump({'run_s': d._last_run_time, 'binary_s': d.timers['run_binary'], 'compile_s': compile_s,
               'openmp_threads': threads, 'brian2': brian2.__version__}, f)
