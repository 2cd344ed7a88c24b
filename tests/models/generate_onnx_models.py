#!/usr/bin/env python3
"""Writes the ONNX models of the end-to-end comparison with ONNX Runtime (tests/models/compare_with_onnxruntime.py).

Built with the `onnx` package's helper API and random weights from fixed seeds (no framework needed), in
torchvision's layout (NCHW) at opset 17:
  resnet50.onnx           torchvision ResNet-50 (v1.5: stride on the 3x3 convolution), BatchNormalization kept
  mobilenet_v2.onnx       torchvision MobileNet v2, ReLU6 as Clip
  transformer_block.onnx  one pre-norm encoder block: LayerNormalization, MatMul, Gemm, Softmax, Erf-GELU, a padding
                          mask through Expand and Where
  small_cnn.onnx          a small CNN (convolution, depthwise convolution, max pooling, Gemm)
  detection_head.onnx     RoiAlign (avg and max modes, both coordinate modes) on constant rois, then TopK
  conv3d.onnx             three 3-D convolutions (padding, stride, dilation, SAME_UPPER)
  *.int8.onnx             small_cnn and mobilenet_v2 quantized by onnxruntime.quantization.quantize_static (QDQ,
                          int8 activations and weights, per tensor, calibrated on random inputs)
  *.uint8.onnx            the same with uint8 activations (int8 weights)
into ~/.cache/armnn-test-models/onnx (or $ARMNN_TEST_MODELS/onnx). Existing files are kept unless --force.
"""

import argparse
import os
import sys
import zlib

OPSET = 17


def cache_dir():
    root = os.environ.get("ARMNN_TEST_MODELS") or os.path.join(os.path.expanduser("~"), ".cache", "armnn-test-models")
    return os.path.join(root, "onnx")


class Graph:
    """Accumulates nodes and initializers; names are generated."""

    def __init__(self, seed):
        import numpy as np
        from onnx import helper, numpy_helper
        self.np, self.helper, self.numpy_helper = np, helper, numpy_helper
        self.rng = np.random.default_rng(seed)
        self.nodes, self.inits, self.count = [], [], 0

    def name(self, prefix):
        self.count += 1
        return f"{prefix}_{self.count}"

    def const(self, array, prefix="w"):
        n = self.name(prefix)
        self.inits.append(self.numpy_helper.from_array(array, n))
        return n

    def node(self, op, inputs, n_out=1, **attrs):
        outs = [self.name(op.lower()) for _ in range(n_out)]
        self.nodes.append(self.helper.make_node(op, inputs, outs, **attrs))
        return outs[0] if n_out == 1 else outs

    def conv_bn(self, x, cin, cout, k, stride=1, groups=1, act="relu"):
        np = self.np
        fan_in = cin // groups * k * k
        w = (self.rng.standard_normal((cout, cin // groups, k, k)) * np.sqrt(2.0 / fan_in)).astype(np.float32)
        y = self.node("Conv", [x, self.const(w)], kernel_shape=[k, k], strides=[stride, stride],
                      pads=[k // 2] * 4, group=groups)
        y = self.node("BatchNormalization", [y, self.const(self.rng.uniform(0.5, 1.0, cout).astype(np.float32)),
                                             self.const(self.rng.uniform(-0.1, 0.1, cout).astype(np.float32)),
                                             self.const(self.rng.uniform(-0.1, 0.1, cout).astype(np.float32)),
                                             self.const(self.rng.uniform(0.5, 1.5, cout).astype(np.float32))],
                      epsilon=1e-5)
        if act == "relu":
            y = self.node("Relu", [y])
        elif act == "relu6":
            y = self.node("Clip", [y, self.const(np.array(0, np.float32)), self.const(np.array(6, np.float32))])
        return y

    def classifier(self, x, cin, classes=1000):
        np = self.np
        y = self.node("GlobalAveragePool", [x])
        y = self.node("Flatten", [y], axis=1)
        w = (self.rng.standard_normal((classes, cin)) / np.sqrt(cin)).astype(np.float32)
        return self.node("Gemm", [y, self.const(w), self.const(np.zeros(classes, np.float32))], transB=1)

    def model(self, inputs, outputs, name):
        from onnx import TensorProto
        graph = self.helper.make_graph(
            self.nodes, name,
            [self.helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in inputs],
            [self.helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in outputs], self.inits)
        m = self.helper.make_model(graph, opset_imports=[self.helper.make_opsetid("", OPSET)])
        m.ir_version = 8
        import onnx
        onnx.checker.check_model(m)
        return m


def rename_output(g, value, name):
    """Makes the last node write `name` instead of `value`."""
    node = g.nodes[-1]
    node.output[list(node.output).index(value)] = name
    return name


def resnet50():
    g = Graph(50)
    x = g.conv_bn("input", 3, 64, 7, stride=2)
    x = g.node("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    cin = 64
    for width, blocks, stride in ((64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)):
        for b in range(blocks):
            s = stride if b == 0 else 1
            y = g.conv_bn(x, cin, width, 1)
            y = g.conv_bn(y, width, width, 3, stride=s)
            y = g.conv_bn(y, width, width * 4, 1, act=None)
            shortcut = g.conv_bn(x, cin, width * 4, 1, stride=s, act=None) if b == 0 else x
            x = g.node("Relu", [g.node("Add", [y, shortcut])])
            cin = width * 4
    out = rename_output(g, g.classifier(x, cin), "logits")
    return g.model([("input", [1, 3, 224, 224])], [(out, [1, 1000])], "resnet50")


def mobilenet_v2():
    g = Graph(2)
    x = g.conv_bn("input", 3, 32, 3, stride=2, act="relu6")
    cin = 32
    for t, c, n, s in ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
                       (6, 320, 1, 1)):
        for i in range(n):
            stride = s if i == 0 else 1
            hidden = cin * t
            y = g.conv_bn(x, cin, hidden, 1, act="relu6") if t != 1 else x
            y = g.conv_bn(y, hidden, hidden, 3, stride=stride, groups=hidden, act="relu6")
            y = g.conv_bn(y, hidden, c, 1, act=None)
            x = g.node("Add", [x, y]) if stride == 1 and cin == c else y
            cin = c
    x = g.conv_bn(x, cin, 1280, 1, act="relu6")
    out = rename_output(g, g.classifier(x, 1280), "logits")
    return g.model([("input", [1, 3, 224, 224])], [(out, [1, 1000])], "mobilenet_v2")


def transformer_block(seq=16, dim=64, heads=4, ff=256):
    g = Graph(7)
    np = g.np
    hd = dim // heads

    def weight(*shape):
        return g.const((g.rng.standard_normal(shape) / np.sqrt(shape[0])).astype(np.float32))

    def bias(n):
        return g.const(g.rng.uniform(-0.1, 0.1, n).astype(np.float32))

    def layer_norm(x):
        return g.node("LayerNormalization", [x, g.const(g.rng.uniform(0.8, 1.2, dim).astype(np.float32)), bias(dim)],
                      axis=-1, epsilon=1e-5)

    def heads_of(x):  # [1, seq, dim] -> [1, heads, seq, hd]
        y = g.node("Reshape", [x, g.const(np.array([1, seq, heads, hd], np.int64))])
        return g.node("Transpose", [y], perm=[0, 2, 1, 3])

    h = layer_norm("tokens")
    q, k, v = (heads_of(g.node("Add", [g.node("MatMul", [h, weight(dim, dim)]), bias(dim)])) for _ in range(3))
    scores = g.node("Div", [g.node("MatMul", [q, g.node("Transpose", [k], perm=[0, 1, 3, 2])]),
                            g.const(np.array(np.sqrt(hd), np.float32))])
    # Padding mask: the last 3 positions are not attended to.
    keep = np.ones((1, 1, 1, seq), bool)
    keep[..., -3:] = False
    mask = g.node("Expand", [g.const(keep, "mask"), g.const(np.array([1, heads, seq, seq], np.int64))])
    scores = g.node("Where", [mask, scores, g.const(np.array(-1e4, np.float32))])
    attn = g.node("MatMul", [g.node("Softmax", [scores], axis=-1), v])
    attn = g.node("Reshape", [g.node("Transpose", [attn], perm=[0, 2, 1, 3]),
                              g.const(np.array([seq, dim], np.int64))])
    proj = g.node("Gemm", [attn, weight(dim, dim), bias(dim)])
    x = g.node("Add", ["tokens", g.node("Reshape", [proj, g.const(np.array([1, seq, dim], np.int64))])])
    h = g.node("Add", [g.node("MatMul", [layer_norm(x), weight(dim, ff)]), bias(ff)])
    # Exact GELU: x / 2 * (1 + erf(x / sqrt(2)))
    erf = g.node("Erf", [g.node("Div", [h, g.const(np.array(np.sqrt(2.0), np.float32))])])
    h = g.node("Mul", [g.node("Mul", [h, g.const(np.array(0.5, np.float32))]),
                       g.node("Add", [erf, g.const(np.array(1.0, np.float32))])])
    y = g.node("Add", [x, g.node("Add", [g.node("MatMul", [h, weight(ff, dim)]), bias(dim)])])
    out = rename_output(g, y, "encoded")
    return g.model([("tokens", [1, seq, dim])], [(out, [1, seq, dim])], "transformer_block")


def small_cnn():
    g = Graph(3)
    x = g.conv_bn("input", 3, 16, 3, stride=2)
    x = g.conv_bn(x, 16, 16, 3, groups=16)
    x = g.conv_bn(x, 16, 32, 1)
    x = g.node("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])
    x = g.conv_bn(x, 32, 32, 3)
    out = rename_output(g, g.classifier(x, 32, classes=10), "logits")
    return g.model([("input", [1, 3, 32, 32])], [(out, [1, 10])], "small_cnn")


def detection_head():
    """RoiAlign (average, half_pixel, adaptive sampling; max, output_half_pixel, 2 samples) on constant rois, then
    TopK of each roi's flattened features (indices cast to float for the comparison)."""
    g = Graph(11)
    np = g.np
    x1y1 = g.rng.uniform(0, 20, (6, 2))
    rois = np.concatenate([x1y1, x1y1 + g.rng.uniform(2, 12, (6, 2))], axis=1).astype(np.float32)
    batch = np.array([0, 1, 0, 1, 1, 0], np.int64)
    r, b = g.const(rois, "rois"), g.const(batch, "batch")
    avg = g.node("RoiAlign", ["features", r, b], output_height=4, output_width=4, sampling_ratio=0,
                 spatial_scale=0.5)
    mx = g.node("RoiAlign", ["features", r, b], output_height=3, output_width=3, sampling_ratio=2,
                spatial_scale=0.5, mode="max", coordinate_transformation_mode="output_half_pixel")
    flat = g.node("Reshape", [avg, g.const(np.array([6, -1], np.int64), "shape")])
    values, indices = g.node("TopK", [flat, g.const(np.array([5], np.int64), "k")], n_out=2, axis=1)
    indices = g.node("Cast", [indices], to=1)
    return g.model([("features", [2, 8, 16, 16])],
                   [(avg, [6, 8, 4, 4]), (mx, [6, 8, 3, 3]), (values, [6, 5]), (indices, [6, 5])], "detection_head")


def conv3d_net():
    """Three 3-D convolutions (Convolution3d, NCDHW): explicit pads with a stride on H and bias, a dilated one with
    asymmetric pads, and one with SAME_UPPER padding and a stride on D."""
    g = Graph(3)
    np = g.np
    w1 = (g.rng.standard_normal((8, 4, 3, 3, 3)) * 0.2).astype(np.float32)
    y = g.node("Conv", ["input", g.const(w1), g.const(g.rng.uniform(-0.1, 0.1, 8).astype(np.float32))],
               kernel_shape=[3, 3, 3], strides=[1, 2, 1], pads=[1, 1, 1, 1, 1, 1])
    y = g.node("Relu", [y])
    w2 = (g.rng.standard_normal((5, 8, 2, 3, 2)) * 0.2).astype(np.float32)
    y = g.node("Conv", [y, g.const(w2)], kernel_shape=[2, 3, 2], dilations=[2, 1, 1], pads=[1, 1, 0, 1, 1, 1])
    w3 = (g.rng.standard_normal((3, 5, 2, 2, 2)) * 0.2).astype(np.float32)
    y = g.node("Conv", [y, g.const(w3)], kernel_shape=[2, 2, 2], strides=[2, 1, 1], auto_pad="SAME_UPPER")
    out = rename_output(g, y, "output")
    return g.model([("input", [1, 4, 6, 8, 8])], [(out, [1, 3, 3, 4, 8])], "conv3d")


def quantize(float_path, out_path, input_name, shape, seed, activations="QInt8"):
    """QDQ (int8 weights, activations of the given QuantType, per-tensor) calibrated on random inputs from the
    test's range."""
    import numpy as np
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static

    class Reader(CalibrationDataReader):
        def __init__(self):
            rng = np.random.default_rng(seed)
            self.data = iter([{input_name: rng.uniform(-1, 1, shape).astype(np.float32)} for _ in range(8)])

        def get_next(self):
            return next(self.data, None)

    quantize_static(float_path, out_path, Reader(), quant_format=QuantFormat.QDQ, activation_type=QuantType[activations],
                    weight_type=QuantType.QInt8, per_channel=False)


MODELS = {
    "resnet50.onnx": resnet50,
    "mobilenet_v2.onnx": mobilenet_v2,
    "transformer_block.onnx": transformer_block,
    "small_cnn.onnx": small_cnn,
    "detection_head.onnx": detection_head,
    "conv3d.onnx": conv3d_net,
}
# Float models that are also written quantized (QDQ), with their input shapes; the suffixes of the quantized files
# and their activation type.
QUANTIZED = {"small_cnn": (1, 3, 32, 32), "mobilenet_v2": (1, 3, 224, 224)}
QUANTIZED_SUFFIXES = {".int8.onnx": "QInt8", ".uint8.onnx": "QUInt8"}


def generate(directory, force=False, quiet=False):
    import onnx
    os.makedirs(directory, exist_ok=True)
    for name, build in MODELS.items():
        path = os.path.join(directory, name)
        if force or not os.path.exists(path):
            onnx.save(build(), path)
            if not quiet:
                print(f"wrote {path}")
    for name, shape in QUANTIZED.items():
        for suffix, activations in QUANTIZED_SUFFIXES.items():
            qpath = os.path.join(directory, name + suffix)
            if force or not os.path.exists(qpath):
                quantize(os.path.join(directory, name + ".onnx"), qpath, "input", shape, zlib.crc32(name.encode()),
                         activations)
                if not quiet:
                    print(f"wrote {qpath}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=cache_dir(), help="output directory (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="rewrite existing models")
    args = parser.parse_args()
    generate(args.out, args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
