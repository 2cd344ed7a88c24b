"""Writes small ONNX models in the protobuf wire format, so the tests need no onnx package."""
import struct


def _varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _int(field, value):
    return _varint(field << 3) + _varint(value)


def _bytes(field, payload):
    return _varint((field << 3) | 2) + _varint(len(payload)) + payload


def _str(field, text):
    return _bytes(field, text.encode("utf-8"))


def value_info(name, dims, elem_type=1):
    """ValueInfoProto of a tensor (elem_type 1 = float)."""
    shape = b"".join(_bytes(1, _int(1, d)) for d in dims)
    tensor_type = _int(1, elem_type) + _bytes(2, shape)
    return _str(1, name) + _bytes(2, _bytes(1, tensor_type))


def node(op_type, inputs, outputs, name=""):
    return (b"".join(_str(1, i) for i in inputs) + b"".join(_str(2, o) for o in outputs) + _str(3, name) +
            _str(4, op_type))


def float_initializer(name, dims, values):
    raw = struct.pack("<{}f".format(len(values)), *values)
    return b"".join(_int(1, d) for d in dims) + _int(2, 1) + _str(8, name) + _bytes(9, raw)


def model(nodes, inputs, outputs, initializers=(), opset=13):
    graph = (b"".join(_bytes(1, n) for n in nodes) + _str(2, "graph") +
             b"".join(_bytes(5, i) for i in initializers) + b"".join(_bytes(11, i) for i in inputs) +
             b"".join(_bytes(12, o) for o in outputs))
    return _int(1, 8) + _str(2, "pyarmnn-tests") + _bytes(7, graph) + _bytes(8, _str(1, "") + _int(2, opset))


def add_mul_model(path, size=4):
    """Inputs a, b [1, size]; outputs sum = a + b, prod = a * w, w a constant (also listed as a graph input, as
    older exporters do) holding 0.5, 1.5, 2.5, ..."""
    w = [0.5 + i for i in range(size)]
    data = model([node("Add", ["a", "b"], ["sum"], "add"), node("Mul", ["a", "w"], ["prod"], "mul")],
                 [value_info("a", [1, size]), value_info("b", [1, size]), value_info("w", [1, size])],
                 [value_info("sum", [1, size]), value_info("prod", [1, size])],
                 [float_initializer("w", [1, size], w)])
    with open(path, "wb") as f:
        f.write(data)
    return w


def relu_model(path, size=4):
    """One input x [1, size], one output y = Relu(x)."""
    data = model([node("Relu", ["x"], ["y"], "relu")], [value_info("x", [1, size])], [value_info("y", [1, size])])
    with open(path, "wb") as f:
        f.write(data)
