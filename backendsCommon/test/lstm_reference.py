#!/usr/bin/env python3
"""NumPy reference of the UnidirectionalSequenceLstm cases in RecurrentLayerTests.cpp (TensorFlow Lite's float LSTM
equations, written independently of the C++ kernel). Prints the expected outputs the tests hold.

Usage: lstm_reference.py
"""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def layer_norm(x, w):
    mean = x.mean()
    var = (x * x).mean() - mean * mean
    return (x - mean) / np.sqrt(var + 1e-8) * w


def lstm(x, h, c, p, act, cell_clip=0.0, proj_clip=0.0, cifg=False):
    """x: [batch, time, input]; returns (h_out, c_out, output [batch, time, output])."""
    out = []
    for t in range(x.shape[1]):
        xt = x[:, t, :]

        def gate(name, peephole_c):
            g = xt @ p["wx" + name].T + h @ p["wh" + name].T
            if "wc" + name in p:
                g = g + p["wc" + name] * peephole_c
            if "ln" + name in p:
                g = np.stack([layer_norm(row, p["ln" + name]) for row in g])
            return g + p["b" + name]

        f = sigmoid(gate("f", c))
        i = 1.0 - f if cifg else sigmoid(gate("i", c))
        g = act(gate("c", c))
        c = f * c + i * g
        if cell_clip > 0:
            c = np.clip(c, -cell_clip, cell_clip)
        o = sigmoid(gate("o", c))
        h = o * act(c)
        if "wp" in p:
            h = h @ p["wp"].T + p["bp"]
            if proj_clip > 0:
                h = np.clip(h, -proj_clip, proj_clip)
        out.append(h)
    return h, c, np.stack(out, axis=1)


def ramp(n, start, step):
    return start + step * np.arange(n, dtype=np.float64)


def full_case():
    """Batch 2, time 3, input 2, 3 units, projection to 2 outputs, peephole, layer norm, cell clip 0.9, projection
    clip 0.3."""
    units, inputs, outputs = 3, 2, 2
    p = {}
    for k, name in enumerate("ifco"):
        p["wx" + name] = ramp(units * inputs, -0.5 + 0.1 * k, 0.15).reshape(units, inputs)
        p["wh" + name] = ramp(units * outputs, 0.4 - 0.1 * k, -0.12).reshape(units, outputs)
        p["b" + name] = ramp(units, 0.1 * k - 0.1, 0.05)
        p["ln" + name] = ramp(units, 0.8 + 0.1 * k, 0.1)
        if name != "c":
            p["wc" + name] = ramp(units, 0.2 - 0.1 * k, 0.1)
    p["wp"] = ramp(outputs * units, -0.6, 0.25).reshape(outputs, units)
    p["bp"] = np.array([0.05, -0.05])
    x = ramp(2 * 3 * inputs, -1.0, 0.2).reshape(2, 3, inputs)
    h0 = np.array([[0.1, -0.2], [0.3, 0.0]])
    c0 = np.array([[0.5, -0.5, 0.25], [0.0, 1.0, -1.0]])
    return lstm(x, h0, c0, p, np.tanh, cell_clip=0.9, proj_clip=0.3)


def cifg_case():
    """Batch 1, time 4, input 3, 2 units, CIFG, peephole, ReLu6, no clipping."""
    units, inputs = 2, 3
    p = {}
    for k, name in enumerate("fco"):
        p["wx" + name] = ramp(units * inputs, 0.3 - 0.2 * k, -0.1).reshape(units, inputs)
        p["wh" + name] = ramp(units * units, -0.2 + 0.1 * k, 0.2).reshape(units, units)
        p["b" + name] = ramp(units, 0.2 * k, 0.1)
        if name != "c":
            p["wc" + name] = ramp(units, -0.1 * k, 0.3)
    x = ramp(4 * inputs, 1.0, -0.15).reshape(1, 4, inputs)
    h0 = np.zeros((1, units))
    c0 = np.zeros((1, units))
    return lstm(x, h0, c0, p, lambda v: np.clip(v, 0.0, 6.0), cifg=True)


if __name__ == "__main__":
    np.set_printoptions(precision=8, floatmode="fixed")
    for name, case in (("full", full_case), ("cifg", cifg_case)):
        h, c, out = case()
        print(name)
        print("  h_out ", ", ".join(f"{v:.7f}f" for v in h.ravel()))
        print("  c_out ", ", ".join(f"{v:.7f}f" for v in c.ravel()))
        print("  output", ", ".join(f"{v:.7f}f" for v in out.ravel()))
