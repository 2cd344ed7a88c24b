"""Names of an ONNX model's graph inputs and outputs, read from the protobuf wire format (no onnx package needed).

ModelProto.graph is field 7; GraphProto.initializer 5, input 11, output 12; ValueInfoProto.name and
TensorProto.name are fields 1 and 8. Graph inputs that are initializers are weights, not inputs."""


def _varint(data, pos):
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("truncated ONNX file")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def _fields(data):
    """Yields (field number, wire type, value) of a message; value is bytes for length-delimited fields."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise ValueError("unsupported protobuf wire type {} in ONNX file".format(wire))
        yield number, wire, value


def _name(message, field):
    for number, wire, value in _fields(message):
        if number == field and wire == 2:
            return bytes(value).decode("utf-8")
    return ""


def graph_io_names(path):
    """(input names, output names) of the model's main graph, initializers excluded."""
    with open(path, "rb") as f:
        data = memoryview(f.read())
    graph = None
    for number, wire, value in _fields(data):
        if number == 7 and wire == 2:
            graph = value
    if graph is None:
        raise ValueError("{}: no graph in the ONNX file".format(path))
    inputs, outputs, initializers = [], [], set()
    for number, wire, value in _fields(graph):
        if wire != 2:
            continue
        if number == 11:
            inputs.append(_name(value, 1))
        elif number == 12:
            outputs.append(_name(value, 1))
        elif number == 5:
            initializers.add(_name(value, 8))
    return [n for n in inputs if n not in initializers], outputs
