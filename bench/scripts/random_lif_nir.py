"""A random recurrent LIF network as a NIR file: input (NIN channels) -> fc1 -> lif1 (N - 10, with a
sparse recurrent Linear) -> fc2 -> lif2 (10) -> output. Used by fabric-nir-verilator.sh and
fabric-nir-area-calibrate.sh. Usage: random_lif_nir.py PATH N NIN SEED"""
import sys, h5py, numpy as np
path, n, nin, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(seed)
nout = 10
h = n - nout
def lif(g, m):
    g["type"] = "LIF"
    g["tau"] = np.full(m, 1e-3); g["r"] = np.ones(m); g["v_leak"] = np.zeros(m)
    g["v_threshold"] = rng.uniform(0.8, 1.2, m); g["v_reset"] = np.zeros(m)
with h5py.File(path, "w") as f:
    f["version"] = "0.2.0"
    node = f.create_group("node"); node["type"] = "NIRGraph"
    nodes = node.create_group("nodes")
    g = nodes.create_group("input"); g["type"] = "Input"; g["shape"] = np.array([nin])
    g = nodes.create_group("fc1"); g["type"] = "Linear"; g["weight"] = (rng.uniform(2.0, 6.0, (h, nin)) * (rng.random((h, nin)) < 0.3)).astype(np.float32)
    lif(nodes.create_group("lif1"), h)
    g = nodes.create_group("rec"); g["type"] = "Linear"; g["weight"] = (rng.normal(0, 0.5, (h, h)) * (rng.random((h, h)) < 0.1)).astype(np.float32)
    g = nodes.create_group("fc2"); g["type"] = "Linear"; g["weight"] = (rng.uniform(0.5, 3.0, (nout, h)) * (rng.random((nout, h)) < 0.3)).astype(np.float32)
    lif(nodes.create_group("lif2"), nout)
    g = nodes.create_group("output"); g["type"] = "Output"; g["shape"] = np.array([nout])
    node["edges"] = np.array([[b"input", b"fc1"], [b"fc1", b"lif1"], [b"lif1", b"rec"], [b"rec", b"lif1"],
                              [b"lif1", b"fc2"], [b"fc2", b"lif2"], [b"lif2", b"output"]], dtype=object)
