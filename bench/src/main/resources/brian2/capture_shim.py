# scfabric's Brian2 capture shim: runs a user's Brian2 script, stops it at run() and writes the network as
# it stands then (realised connectivity and initial values) for `scfabric brian2` to translate.
#
# Usage: python3 capture_shim.py OUTDIR CAPTURE MODE SCRIPT.py [ARGS...]
#   CAPTURE: N (the N-th run() call, from 1) or "all" (every run, into OUTDIR/run-K)
#   MODE: "capture" (simulate only the runs before N) or "simulate" (capture run N, then let Brian2 simulate it in runtime
#         mode with a SpikeMonitor on every NeuronGroup, write the spikes and stop the script)
# Writes OUTDIR[/run-K]/capture.json plus little-endian float64 / int64 arrays (*.f64, *.i64) it names.
# Failure: OUTDIR/error.json {"kind": "refused"|"script"|"internal", "message": one line}, exit code 3.
import json
import os
import re
import sys
import time
import traceback
import weakref

SHIM = __file__
SHIM_ARGS = list(sys.argv[1:])
OUT = sys.argv[1]
CAPTURE = sys.argv[2]
MODE = sys.argv[3]
SCRIPT = sys.argv[4]
ARGS = sys.argv[5:]


class Refused(Exception):
    """A network scfabric cannot translate exactly: the message names the group and the term."""


def fail(kind, message):
    os.makedirs(OUT, exist_ok=True)
    message = ' '.join(str(message).split())
    with open(os.path.join(OUT, 'error.json'), 'w') as f:
        json.dump({'kind': kind, 'message': message}, f)
    sys.stdout.flush()
    os._exit(3)


# plots never show or save: a non-interactive backend, show/savefig do nothing
os.environ['MPLBACKEND'] = 'Agg'
try:
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    import matplotlib.figure

    def _nothing(*a, **k):
        return None

    plt.show = _nothing
    plt.savefig = _nothing
    matplotlib.figure.Figure.savefig = _nothing
    matplotlib.figure.Figure.show = _nothing
except ImportError:
    pass

try:
    import numpy as np
    import sympy
    import brian2
    from brian2 import NeuronGroup, Synapses, PoissonInput, PoissonGroup, SpikeGeneratorGroup, SpikeMonitor
    from brian2.core.network import Network
    from brian2.groups.subgroup import Subgroup
    from brian2.parsing.sympytools import str_to_sympy
    from brian2.monitors.statemonitor import StateMonitor
    from brian2.monitors.ratemonitor import PopulationRateMonitor
except ImportError as e:
    fail('internal', f'{e}; install Debian\'s python3-brian (apt-get install python3-brian) and use /usr/bin/python3')

MONITORS = (SpikeMonitor, StateMonitor, PopulationRateMonitor)


def natural(name):
    return [int(t) if t.isdigit() else t for t in re.split(r'(\d+)', name)]


class Writer:
    """capture.json and its arrays in one folder."""

    def __init__(self, folder, prefix='a'):
        self.folder = folder
        self.prefix = prefix
        os.makedirs(folder, exist_ok=True)
        self.count = 0

    def array(self, values, kind='f64'):
        a = np.ascontiguousarray(np.asarray(values), dtype='<f8' if kind == 'f64' else '<i8').ravel()
        self.count += 1
        name = f'{self.prefix}{self.count}.{kind}'
        a.tofile(os.path.join(self.folder, name))
        return {'file': name, 'n': int(a.size)}


def base(group):
    """(underlying group, first index, size) of a group or subgroup."""
    if isinstance(group, Subgroup):
        return group.source, int(group.start), int(group.stop - group.start)
    return group, 0, len(group)


def values(owner, expr, names, n, namespace, what):
    """An expression's value for each of n elements of owner (a group or synapses), as float64."""
    symbols = sorted(expr.free_symbols, key=lambda s: s.name)
    found = owner.resolve_all([s.name for s in symbols], namespace, user_identifiers=set())
    args = []
    for s in symbols:
        if s.name in names:
            raise Refused(f'{what}: depends on the state variable {s.name}')
        v = found[s.name]
        if s.name in ('t', 't_in_timesteps'):
            raise Refused(f'{what}: depends on time t (time-varying drives are not translated)')
        if hasattr(v, 'get_value'):
            args.append(np.asarray(v.get_value(), dtype=float))
        elif hasattr(v, 'value'):
            args.append(np.asarray(v.value, dtype=float))
        else:
            raise Refused(f'{what}: uses the function {s.name}')
    f = sympy.lambdify(symbols, expr, 'numpy')
    return np.broadcast_to(np.asarray(f(*args), dtype=float), (n,)).copy()


def parse(code, what):
    try:
        return str_to_sympy(code)
    except Exception as e:  # noqa: BLE001 (any parse failure is a refusal naming the code)
        raise Refused(f'{what}: cannot read {code!r} ({e})')


def linear_terms(expr, states, what):
    """Refuse a term that is not linear in the state variables; return d expr / d state per state."""
    if any(s.name == 'xi' or s.name.startswith('xi_') for s in expr.free_symbols):
        raise Refused(f'{what}: noise term xi (stochastic equations are not translated)')
    for term in sympy.Add.make_args(sympy.expand(expr)):
        involved = [s for s in states if term.has(s)]
        if not involved:
            continue
        try:
            degree = sympy.Poly(term, *involved).total_degree()
        except sympy.PolynomialError:
            degree = None
        if degree != 1:
            kind = 'a product of state variables (conductance-based)' if degree and degree > 1 and len(
                involved) > 1 else 'not linear in the state variables (e.g. Hodgkin-Huxley)'
            raise Refused(f'{what}: term {term} is {kind}; only linear leaky models are translated')
    return {s: sympy.diff(expr, s) for s in states}


def group_json(g, namespace, w, dt):
    n = len(g)
    name = g.name
    threshold = g.events.get('spike')
    if threshold is None:
        raise Refused(f'group {name}: no threshold (only spiking LIF-family groups are translated)')
    eqs = g.equations
    diff_names = sorted(eqs.diff_eq_names)
    states = {v: str_to_sympy(v) for v in diff_names}  # Brian2's symbols carry assumptions
    syms = list(states.values())
    # Brian2 honours (unless refractory) only with a refractory keyword (its conditional writes need not_refractory)
    flags = {v: ('unless refractory' in eqs[v].flags) and g._refractory is not False for v in diff_names}
    for v in eqs.names:
        if v not in diff_names and eqs[v].type == 'subexpression' and 'xi' in str(eqs[v].expr):
            raise Refused(f'group {name}: noise term xi in {v}')
    rhs = {}
    for v, e in eqs.get_substituted_expressions(g.variables):
        rhs[v] = parse(e.code.replace('int(not_refractory)', '1'), f'group {name} d{v}/dt')
    # the equations first: a model outside the linear family is refused for its equations, not its reset
    coeff = {v: linear_terms(rhs[v], syms, f'group {name} d{v}/dt') for v in diff_names}
    rel = parse(threshold, f'group {name} threshold')
    op = {sympy.StrictGreaterThan: '>', sympy.GreaterThan: '>=', sympy.StrictLessThan: '<',
          sympy.LessThan: '<='}.get(type(rel))
    if op is None:
        raise Refused(f"group {name}: threshold '{threshold}' is not v > c or v >= c")
    lhs, bound = (rel.lhs, rel.rhs) if op in ('>', '>=') else (rel.rhs, rel.lhs)
    op = {'<': '>', '<=': '>='}.get(op, op)
    if not isinstance(lhs, sympy.Symbol) or lhs.name not in states:
        raise Refused(f"group {name}: threshold '{threshold}' does not compare a differential state variable "
                      f"with a bound")
    vm = lhs.name
    if any(s.name in states for s in bound.free_symbols):
        raise Refused(f"group {name}: threshold '{threshold}' moves with a state variable (adaptive thresholds "
                      f"are not translated)")
    theta = values(g, bound, states, n, namespace, f'group {name} threshold')
    reset = g.event_codes.get('spike', '') or ''
    reset_op, reset_val = None, None
    for line in [l.strip() for l in re.split(r'[\n;]', reset) if l.strip()]:
        m = re.fullmatch(r'(\w+)\s*(=|-=|\+=)\s*(.+)', line)
        if m is None or m.group(1) != vm:
            target = m.group(1) if m else line
            raise Refused(f"group {name}: reset '{line}' changes {target} (adaptation and adaptive thresholds are "
                          f"not translated; only {vm} = c and {vm} -= c)")
        if m.group(2) == '+=' or reset_op is not None:
            raise Refused(f"group {name}: reset '{reset}' is not {vm} = c or {vm} -= c")
        reset_op = m.group(2)
        reset_val = values(g, parse(m.group(3), f'group {name} reset'), states, n, namespace, f'group {name} reset')
    if reset_op is None:
        raise Refused(f'group {name}: no reset (only {vm} = c and {vm} -= c are translated)')
    zero = {s: 0 for s in syms}
    # the membrane: dv/dt = a v + sum_k b_k g_k + c, so tau = -1/a, r_k = b_k tau, v_leak = c tau
    a = values(g, coeff[vm][states[vm]], states, n, namespace, f'group {name} d{vm}/dt')
    if not np.all(a < 0):
        raise Refused(f'group {name}: d{vm}/dt has no leak (-{vm}/tau): only leaky integrators are translated')
    tau = -1.0 / a
    v_leak = values(g, rhs[vm].subs(zero), states, n, namespace, f'group {name} d{vm}/dt') * tau
    currents = []
    for c in diff_names:
        if c == vm:
            continue
        for other in diff_names:
            if other != c and coeff[c][states[other]] != 0:
                raise Refused(f'group {name}: d{c}/dt depends on {other} (only currents d{c}/dt = -{c}/tau feeding '
                              f'{vm} are translated)')
        if rhs[c].subs(zero) != 0:
            raise Refused(f'group {name}: d{c}/dt has a constant drive (only currents d{c}/dt = -{c}/tau)')
        ak = values(g, coeff[c][states[c]], states, n, namespace, f'group {name} d{c}/dt')
        if not np.all(ak < 0):
            raise Refused(f'group {name}: d{c}/dt does not decay')
        r = values(g, coeff[vm][states[c]], states, n, namespace, f'group {name} d{vm}/dt') * tau
        currents.append({'name': c, 'tau': w.array(-1.0 / ak), 'r': w.array(r),
                         'init': w.array(g.variables[c].get_value()), 'unless_refractory': flags[c]})
    method = g.state_updater.method_choice
    method = method if isinstance(method, str) else 'exact'
    method = 'exact' if method == 'linear' else method
    if method not in ('exact', 'euler'):
        raise Refused(f"group {name}: method '{method}' (exact and euler are translated)")
    ref = g._refractory
    if ref is False:
        ref_steps = 0
    elif isinstance(ref, str):
        raise Refused(f"group {name}: refractory '{ref}' is an expression (a duration is translated)")
    else:
        ref_steps = int(np.int64((float(ref) + 1e-3 * dt) / dt))  # Brian2's timestep()
    return {'name': name, 'n': n, 'membrane': vm, 'method': method,
            'threshold_op': op, 'threshold': w.array(theta), 'reset_op': reset_op, 'reset': w.array(reset_val),
            'refractory_steps': ref_steps, 'unless_refractory': flags[vm],
            'tau': w.array(tau), 'v_leak': w.array(v_leak), 'init': w.array(g.variables[vm].get_value()),
            'currents': currents}


def synapses_json(s, namespace, w, dt, known):
    name = s.name
    for v in s.equations.names:
        eq = s.equations[v]
        if 'summed' in eq.flags:
            raise Refused(f'synapses {name}: summed variable {v} (summed variables and gap junctions are not '
                          f'translated)')
        if eq.type == 'differential equation':
            raise Refused(f'synapses {name}: differential equation d{v}/dt (plasticity is not translated)')
    pre = [p for p in s._pathways if p.prepost == 'pre']
    if any(p.prepost == 'post' for p in s._pathways):
        raise Refused(f'synapses {name}: on_post (plasticity is not translated)')
    if len(pre) != 1:
        raise Refused(f'synapses {name}: {len(pre)} on_pre pathways (one is translated)')
    src, src_off, _ = base(s.source)
    dst, dst_off, _ = base(s.target)
    for grp, role in ((src, 'source'), (dst, 'target')):
        if grp.name not in known:
            raise Refused(f'synapses {name}: {role} {grp.name} is not a translated group')
    ii = np.asarray(s.variables['_synaptic_pre'].get_value(), dtype=np.int64)
    jj = np.asarray(s.variables['_synaptic_post'].get_value(), dtype=np.int64)
    m = ii.size
    # _synaptic_pre/_post count from the start of the underlying group, already including a subgroup's offset
    delay = np.broadcast_to(np.asarray(s.pre.variables['delay'].get_value(), dtype=float), (m,))
    delay_steps = np.round(delay / dt).astype(np.int64)  # Brian2's SpikeQueue rounds delays to steps
    targets = []
    for line in [l.strip() for l in re.split(r'[\n;]', pre[0].code) if l.strip()]:
        mt = re.fullmatch(r'(\w+)\s*(\+=|-=)\s*(.+)', line)
        if mt is None:
            raise Refused(f"synapses {name}: on_pre '{line}' is not var += w or var -= w")
        var = mt.group(1)
        var = var[:-5] if var.endswith('_post') else var
        if var not in dst.equations.diff_eq_names:
            raise Refused(f"synapses {name}: on_pre '{line}' changes {var}, not a state variable of {dst.name} "
                          f"(plasticity is not translated)")
        expr = parse(mt.group(3), f'synapses {name} on_pre')
        wv = values(s, expr, set(s.variables.keys()) & set(s.equations.diff_eq_names), m, namespace,
                    f'synapses {name} on_pre')
        if mt.group(2) == '-=':
            wv = -wv
        targets.append({'var': var, 'weight': w.array(wv)})
    return {'name': name, 'source': src.name, 'target': dst.name, 'i': w.array(ii, 'i64'), 'j': w.array(jj, 'i64'),
            'delay_steps': w.array(delay_steps, 'i64'), 'on_pre': targets}


def capture(net, namespace, duration, folder, run_index):
    w = Writer(folder)
    dt = float(brian2.defaultclock.dt)
    objs = sorted(net.objects, key=lambda o: natural(o.name))
    out = {'run': run_index, 'dt': dt, 'duration': float(duration), 'steps': int(round(float(duration) / dt)),
           'groups': [], 'poisson_groups': [], 'spike_generators': [], 'synapses': [], 'poisson_inputs': []}
    known = set()
    start_step = int(round(float(net.t) / dt))
    for o in objs:
        if hasattr(o, 'clock') and float(o.clock.dt) != dt and not isinstance(o, MONITORS):
            raise Refused(f'{o.name}: its own clock dt = {o.clock.dt} differs from defaultclock.dt')
        if isinstance(o, NeuronGroup):
            out['groups'].append(group_json(o, namespace, w, dt))
            known.add(o.name)
        elif isinstance(o, PoissonGroup):
            rates = o.variables['rates']
            try:
                values = rates.get_value() if hasattr(rates, 'get_value') else None
            except TypeError:
                values = None  # a string expression is a Subexpression: Brian2 has no value for it
            if values is None:
                raise Refused(f'poisson group {o.name}: rates given as an expression (fixed rates are translated)')
            out['poisson_groups'].append({'name': o.name, 'n': len(o), 'rates': w.array(
                np.broadcast_to(np.asarray(values, dtype=float), (len(o),)))})
            known.add(o.name)
        elif isinstance(o, SpikeGeneratorGroup):
            period = float(np.asarray(o.period_).ravel()[0])
            if period > 0:
                raise Refused(f'spike generator {o.name}: period {period * 1e3:g} ms (a repeating list is not translated; '
                              f'give every spike)')
            idx = np.asarray(o.variables['neuron_index'].get_value(), dtype=np.int64)
            t = np.asarray(o.variables['spike_time'].get_value(), dtype=float)
            # Brian2's own time bins: shifted by 1e-3 dt, truncated; counted from this run's start (earlier runs
            # were simulated and delivered the spikes before it)
            bins = np.asarray((t + 1e-3 * dt) / dt, dtype=np.int32).astype(np.int64) - start_step
            keep = bins >= 0
            out['spike_generators'].append({'name': o.name, 'n': len(o), 'index': w.array(idx[keep], 'i64'),
                                            'step': w.array(bins[keep], 'i64')})
            known.add(o.name)
    for o in objs:
        if isinstance(o, Synapses):
            out['synapses'].append(synapses_json(o, namespace, w, dt, known))
        elif isinstance(o, PoissonInput):
            g, off, size = base(o._group)
            weight = o.weight
            if isinstance(weight, str):
                weight = values(g, parse(weight, f'poisson input {o.name} weight'), set(), 1, namespace,
                                f'poisson input {o.name} weight')[0]
            if o.target_var not in g.equations.diff_eq_names:
                raise Refused(f'poisson input {o.name}: target {o.target_var} is not a state variable of {g.name}')
            out['poisson_inputs'].append({'name': o.name, 'target': g.name, 'offset': off, 'size': size,
                                          'var': o.target_var, 'N': int(o.N), 'rate': float(o.rate),
                                          'weight': float(weight)})
        elif isinstance(o, (NeuronGroup, PoissonGroup, SpikeGeneratorGroup, Subgroup) + MONITORS):
            continue
        elif type(o).__name__ in ('StateUpdater', 'Thresholder', 'Resetter', 'SynapticPathway'):
            continue
        else:
            raise Refused(f'{o.name}: a {type(o).__name__} cannot be translated')
    with open(os.path.join(folder, 'capture.json'), 'w') as f:
        json.dump(out, f)


def user_namespace():
    """The locals and globals of the innermost frame of the user's script that called run()."""
    frame = sys._getframe(1)
    here = os.path.abspath(__file__)
    brian_dir = os.path.dirname(os.path.abspath(brian2.__file__))
    while frame is not None:
        f = os.path.abspath(frame.f_code.co_filename)
        if f != here and not f.startswith(brian_dir):
            ns = dict(frame.f_globals)
            ns.update(frame.f_locals)
            return ns
        frame = frame.f_back
    return {}


runs = [0]
original_run = Network.run
# Runs before the captured one are skipped (a script that builds one network per panel costs nothing), and the
# objects they ran remembered; if the captured run shares one (a second run() continuing the first one's state),
# the shim starts again with the earlier runs simulated by Brian2, so the captured state is the real one.
SIMULATE_EARLIER = os.environ.get('SCFABRIC_SIMULATE_EARLIER') == '1'
skipped = weakref.WeakSet()
STATEFUL = (NeuronGroup, Synapses, PoissonGroup, SpikeGeneratorGroup, PoissonInput)


def earlier_run(net, duration, namespace, level):
    if SIMULATE_EARLIER:
        return original_run(net, duration, namespace=namespace if namespace is not None else user_namespace(),
                            level=level + 2)
    for o in net.objects:
        if isinstance(o, STATEFUL):
            skipped.add(o)
    return None


def restart():
    sys.stdout.flush()
    os.environ['SCFABRIC_SIMULATE_EARLIER'] = '1'
    os.execv(sys.executable, [sys.executable, os.path.abspath(SHIM)] + SHIM_ARGS)


def patched_run(self, duration, report=None, report_period=10 * brian2.second, namespace=None, profile=None,
                level=0):
    runs[0] += 1
    k = runs[0]
    if CAPTURE != 'all' and k < int(CAPTURE):
        return earlier_run(self, duration, namespace, level)
    if CAPTURE != 'all' and k > int(CAPTURE):
        return None
    if not SIMULATE_EARLIER and any(o in skipped for o in self.objects):
        restart()  # this run starts from a state an earlier, unsimulated run would have changed
    ns = namespace if namespace is not None else user_namespace()
    if MODE != 'simulate':  # a network that went through before_run cannot be handed to another one
        self._clocks = {obj.clock for obj in self.sorted_objects}
        self.before_run(ns)  # Brian2's own checks (units, identifiers) and its objects' realised state
    folder = os.path.join(OUT, f'run-{k}') if CAPTURE == 'all' else OUT
    try:
        capture(self, ns, duration, folder, k)
    except Refused as e:
        fail('refused', f'run {k}: {e}' if CAPTURE == 'all' else str(e))
    if MODE != 'simulate':
        if CAPTURE == 'all':
            return earlier_run(self, duration, ns, level)
        sys.stdout.flush()
        os._exit(0)
    groups = sorted([o for o in self.objects if isinstance(o, NeuronGroup)], key=lambda o: natural(o.name))
    mons = [SpikeMonitor(g, name=f'scfabric_spikes_{g.name}') for g in groups]
    # the magic network refuses add(): its object set takes the monitors directly
    if isinstance(self.objects, set):
        self.objects.update(mons)
    else:
        self.objects.extend(mons)
    start = float(self.t)  # > 0 when earlier runs were simulated: steps count from the captured run's start
    t0 = time.perf_counter()
    original_run(self, duration, namespace=ns, level=level + 1)
    wall = time.perf_counter() - t0
    dt = float(brian2.defaultclock.dt)
    spikes = {}
    wr = Writer(folder, 'b')
    for g, m in zip(groups, mons):
        steps = np.round((np.asarray(m.t_[:]) - start) / dt).astype(np.int64)
        spikes[g.name] = {'step': wr.array(steps, 'i64'), 'index': wr.array(np.asarray(m.i[:]), 'i64')}
    with open(os.path.join(folder, 'brian2.json'), 'w') as f:
        json.dump({'wall_s': wall, 'brian2_version': brian2.__version__, 'spikes': spikes}, f)
    sys.stdout.flush()
    os._exit(0)


def explain(e):
    """One line: the exception and, when Brian2 wrapped another (BrianObjectException says 'See above for the
    original error'), the original error at the bottom of the chain, which is what names the real fault."""
    root = e
    seen = {id(e)}
    while True:
        nxt = root.__cause__ or root.__context__
        if nxt is None or id(nxt) in seen:
            break
        seen.add(id(nxt))
        root = nxt
    own = ' '.join(str(e).split())
    if root is e:
        return f'{type(e).__name__}: {own}'
    own = re.split(r'\.\s', own.split('(See above')[0])[0].strip()  # its first sentence names the object
    return f'{own}: {type(root).__name__}: {root}'  # the wrapper's class name says nothing its message does not


Network.run = patched_run
sys.argv = [SCRIPT] + ARGS
try:
    import runpy
    sys.path.insert(0, os.path.dirname(os.path.abspath(SCRIPT)))
    runpy.run_path(SCRIPT, run_name='__main__')
except SyntaxError as e:
    fail('script', f'SyntaxError: {e.msg} ({os.path.basename(e.filename or SCRIPT)}, line {e.lineno})')
except SystemExit as e:
    if e.code not in (None, 0):
        fail('script', f'the script exited with {e.code} before run()')
except Refused as e:
    fail('refused', str(e))
except BaseException as e:  # noqa: BLE001 (Brian2's own message, one line)
    fail('script', explain(e))
if runs[0] == 0:
    fail('script', 'the script never called run() (nothing to capture)')
if CAPTURE != 'all' and runs[0] < int(CAPTURE):
    fail('script', f'--capture {CAPTURE}: the script called run() only {runs[0]} time(s)')
if MODE == 'simulate':
    fail('internal', 'the captured run was not simulated')
with open(os.path.join(OUT, 'runs.json'), 'w') as f:
    json.dump({'runs': runs[0]}, f)
