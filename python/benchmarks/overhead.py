#!/usr/bin/env python3
"""Per-inference overhead of Python against C++ on a tiny network (one Sigmoid on 4 floats, CpuRef), where the
kernel's work is negligible. C++: tests/benchmarks/EnqueueOverhead (its 1-layer median). Python: the same network
built through pyarmnn, timed through the PyArmNN path (make_input_tensors + make_output_tensors + EnqueueWorkload
+ workload_tensors_to_ndarray), EnqueueWorkload alone on prepared tensors, and Model.run on a one-Relu ONNX model.

    PYTHONPATH=build/python python3 python/benchmarks/overhead.py [--build build] [--iterations 20000]"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

import pyarmnn as ann

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test"))
import onnx_writer  # noqa: E402


def median_us(fn, iterations):
    for _ in range(min(1000, iterations)):
        fn()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter_ns()
        fn()
        samples.append(time.perf_counter_ns() - start)
    return float(np.median(samples)) / 1000.0


def sigmoid_network(runtime):
    network = ann.INetwork()
    info = ann.TensorInfo(ann.TensorShape((1, 4)), ann.DataType_Float32)
    x = network.AddInputLayer(0)
    act = network.AddActivationLayer(ann.ActivationDescriptor(ann.ActivationFunction_Sigmoid))
    out = network.AddOutputLayer(0)
    x.GetOutputSlot(0).Connect(act.GetInputSlot(0))
    act.GetOutputSlot(0).Connect(out.GetInputSlot(0))
    x.GetOutputSlot(0).SetTensorInfo(info)
    act.GetOutputSlot(0).SetTensorInfo(info)
    opt, _ = ann.Optimize(network, ["CpuRef"], runtime.GetDeviceSpec())
    net_id, _ = runtime.LoadNetwork(opt)
    return net_id


def cpp_median_us(build, iterations):
    tool = os.path.join(build, "bin", "EnqueueOverhead")
    text = subprocess.run([tool, str(iterations)], check=True, capture_output=True, text=True).stdout
    for line in text.splitlines():
        if re.search(r"\b1 layer", line) or re.search(r"layers?[:=]\s*1\b", line):
            number = re.search(r"median[^0-9]*([0-9.]+)", line)
            if number:
                return float(number.group(1)), text
    number = re.search(r"median[^0-9]*([0-9.]+)", text)
    return (float(number.group(1)) if number else None), text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.environ.get("ARMNN_BUILD_DIR", "build"))
    parser.add_argument("--iterations", type=int, default=20000)
    args = parser.parse_args()

    runtime = ann.IRuntime(ann.CreationOptions())
    net_id = sigmoid_network(runtime)
    binding_in = (0, runtime.GetInputTensorInfo(net_id, 0))
    binding_out = (0, runtime.GetOutputTensorInfo(net_id, 0))
    x = np.array([[0.5, -1, 2, 0]], np.float32)

    def pyarmnn_path():
        inputs = ann.make_input_tensors([binding_in], [x])
        outputs = ann.make_output_tensors([binding_out])
        runtime.EnqueueWorkload(net_id, inputs, outputs)
        return ann.workload_tensors_to_ndarray(outputs)

    inputs = ann.make_input_tensors([binding_in], [x])
    outputs = ann.make_output_tensors([binding_out])
    prepared = ann.InputTensorsVector(inputs), ann.OutputTensorsVector(outputs)

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "relu.onnx")
        onnx_writer.relu_model(path)
        model = ann.Model(path, backends=["CpuRef"], runtime=runtime)
        results = {
            "PyArmNN path (make tensors + EnqueueWorkload + to ndarray)": median_us(pyarmnn_path, args.iterations),
            "EnqueueWorkload on prepared tensors": median_us(
                lambda: runtime.EnqueueWorkload(net_id, *prepared), args.iterations),
            "Model.run (two-line API)": median_us(lambda: model.run(x), args.iterations),
        }
    cpp, raw = cpp_median_us(args.build, args.iterations)
    print("C++ EnqueueWorkload (EnqueueOverhead, 1 layer): {} us".format(cpp if cpp is not None else "?"))
    for name, value in results.items():
        ratio = " ({:.1f}x C++)".format(value / cpp) if cpp else ""
        print("Python {}: {:.2f} us{}".format(name, value, ratio))
    if cpp is None:
        print(raw)


if __name__ == "__main__":
    main()
