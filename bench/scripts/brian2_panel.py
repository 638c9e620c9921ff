#!/usr/bin/env python3
# Writes a copy of Brian2's frompapers/Brunel_2000.py (Debian's python-brian-doc) that simulates one panel only,
# optionally with N_E scaled down, so that Brian2 cpp_standalone (one run() per process) and scfabric brian2
# (--capture 1) see the same one-panel script. The copy is made where it is used, never kept in the repository.
#   /usr/bin/python3 bench/scripts/brian2_panel.py BRUNEL_2000.py PANEL OUT.py [N_E]
import sys

src, panel, out = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(src).read()
loop = 'for panel, params in parameters.items():'
if loop not in text or 'N_E = 10000' not in text:
    sys.exit(f'{src}: not the Brunel_2000.py this tool knows (no "{loop}" or "N_E = 10000")')
text = text.replace(loop, f'parameters = {{{panel!r}: parameters[{panel!r}]}}\n' + loop)
if len(sys.argv) > 4:
    text = text.replace('N_E = 10000', f'N_E = {int(sys.argv[4])}')
open(out, 'w').write(text)
