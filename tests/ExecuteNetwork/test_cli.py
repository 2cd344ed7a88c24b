#!/usr/bin/env python3
"""Command-line tests of ExecuteNetwork: errors give a message and the documented exit code, never a crash; with
the TensorFlow Lite parser built, the bundled classifier runs and the main options do what they say.
Usage: test_cli.py EXECUTE_NETWORK BUNDLED_DIR"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def run(*args):
    result = subprocess.run([EXECUTE_NETWORK, *args], capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout, result.stderr


def check(condition, what, output=""):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
        print(output[-2000:])


def expect_error(args, code, pattern):
    rc, out, err = run(*args)
    check(rc == code and re.search(pattern, err) is not None and "ExecuteNetwork: " in err,
          f"{' '.join(args) or '(no arguments)'} -> exit {code}, stderr matches '{pattern}'", out + err)


EXECUTE_NETWORK, BUNDLED = sys.argv[1], sys.argv[2]
MODEL = os.path.join(BUNDLED, "shapes_classifier.tflite")
SAMPLE = os.path.join(BUNDLED, "sample_triangle.npy")
LABELS = os.path.join(BUNDLED, "shapes_labels.txt")
work = tempfile.mkdtemp(prefix="armnn-cli-")

expect_error([], 2, "model-path is required")
expect_error(["-m", MODEL, "--no-such-option"], 2, "no-such-option")
expect_error(["-m", MODEL, "-I", "0"], 2, "iterations")
expect_error(["-m", MODEL, "-s", "1,x"], 2, "not a non-negative integer")
expect_error(["-m", os.path.join(work, "missing.tflite")], 1, "cannot open model file")
with open(os.path.join(work, "model.armnn"), "wb") as f:
    f.write(b"\0\0\0\0ARMN")
expect_error(["-m", os.path.join(work, "model.armnn")], 3, "not supported yet")
with open(os.path.join(work, "model.onnx"), "wb") as f:
    f.write(b"\x08\x07")  # ir_version 7 and nothing else: no opset
# Without the ONNX parser in the build, the same exit code and a message that says so.
expect_error(["-m", os.path.join(work, "model.onnx"), "-i", "x", "-o", "y"], 3, "ONNX parser")
with open(os.path.join(work, "garbage.bin"), "wb") as f:
    f.write(b"not a model at all")
expect_error(["-m", os.path.join(work, "garbage.bin")], 3, "not a model file")
with open(os.path.join(work, "truncated.tflite"), "wb") as f:
    f.write(open(MODEL, "rb").read()[:200])
rc, out, err = run("-m", os.path.join(work, "truncated.tflite"), "-c", "CpuRef")
check(rc in (1, 3) and err.startswith("ExecuteNetwork: "), "truncated .tflite -> an error message, no crash",
      out + err)

rc, out, err = run("-m", MODEL, "-c", "CpuRef", "-N")
if "built without the TensorFlow Lite parser" in err:
    print("SKIPPED: the runs of the bundled model (ExecuteNetwork was built without the TensorFlow Lite parser)")
else:
    rc, out, err = run("-m", MODEL, "-c", "CpuRef", "-d", SAMPLE, "--print-top", "5", "--labels", LABELS, "-I", "3")
    check(rc == 0, "bundled classifier runs on CpuRef", out + err)
    check(len(re.findall(r"^Inference time: [0-9.]+ ms$", out, re.M)) == 3, "one 'Inference time' per iteration",
          out)
    check(re.search(r"min [0-9.]+ ms, median [0-9.]+ ms, max [0-9.]+ ms", out) is not None, "timing summary", out)
    check(re.search(r"^Backends used: CpuRef \(\d+ layers\)$", out, re.M) is not None, "backends used", out)
    check(re.search(r"^  1\. \[2\] triangle", out, re.M) is not None, "top-1 of the sample is 'triangle'", out)

    expect_error(["-m", MODEL, "-c", "NoSuchBackend"], 1, "none of the requested backends")
    expect_error(["-m", MODEL, "-c", "CpuRef", "-d", LABELS], 3, "is not a number")
    expect_error(["-m", MODEL, "-c", "CpuRef", "-s", "1,2,3"], 1, "has shape")
    expect_error(["-m", MODEL, "-c", "CpuRef", "-i", "no_such_input"], 3, "no_such_input")
    expect_error(["-m", MODEL, "-c", "CpuRef", "-w", "a.txt,b.txt"], 1, "gives 2 file")

    text_out, npy_out = os.path.join(work, "out.txt"), os.path.join(work, "out.npy")
    rc, out, err = run("-m", MODEL, "-c", "CpuRef", "-d", SAMPLE, "-w", text_out, "-N")
    check(rc == 0 and os.path.exists(text_out), "-w writes a text file", out + err)
    rc, out, err = run("-m", MODEL, "-c", "CpuRef", "-d", SAMPLE, "-w", npy_out, "-C", text_out, "-N")
    check(rc == 0 and re.search(r"RMSE of '.*' against .*: 0$", out, re.M) is not None and os.path.exists(npy_out),
          "-C against the run's own output gives RMSE 0; -w writes .npy", out + err)
    rc, out, err = run("-m", MODEL, "-c", "CpuRef", "-d", text_out.replace("out", "missing"))
    check(rc == 1 and "cannot open input data file" in err, "missing input file -> exit 1", out + err)

    model_copy = os.path.join(work, "copy.tflite")
    shutil.copy(MODEL, model_copy)
    rc, out, err = run("-m", model_copy, "-c", "CpuRef", "-v", "-e", "-N")
    check(rc == 0 and os.path.exists(os.path.join(work, "copy.dot")), "-v writes the .dot next to the model",
          out + err)
    check('"ArmNN"' in out and "Wall clock time" in out, "-e prints the profiler's JSON", out)

    expect_error(["-m", MODEL, "-c", "CpuRef", "--backend-option", "Npu"], 2, "must read Backend:Name=Value")
    rc, out, err = run("-m", MODEL, "-c", "CpuRef", "--backend-option", "Tidl:NoSuchOption=1", "-N")
    check(rc == 0, "options addressed to an unused backend are not read", out + err)
    # The emulated accelerators (when their plugins are built): options, simulated time and the deploy check.
    rc, out, err = run("-m", MODEL, "-c", "Tidl,CpuRef", "-d", SAMPLE, "-N", "--verify",
                       "--backend-option", "Tidl:MinSubgraphSize=1", "--backend-option",
                       "Tidl:ArtifactsFolder=" + os.path.join(work, "artifacts"))
    if "requested backend Tidl is not loaded" in err:
        print("SKIPPED: the emulated accelerators (no Tidl plugin)")
    else:
        check(rc == 0 and re.search(r"^Simulated device time: [0-9.]+ ms per inference", out, re.M) is not None,
              "a Tidl run prints the simulated device time", out + err)
        check(re.search(r"^Verify '.*' against CpuRef: max abs diff \S+, mean abs diff \S+, equal \d+/\d+ "
                        r"\([0-9.]+%\)$", out, re.M) is not None, "--verify prints the comparison with CpuRef", out)
        check(os.listdir(os.path.join(work, "artifacts")), "Tidl:ArtifactsFolder receives the artifacts", out + err)
        expect_error(["-m", MODEL, "-c", "Tidl,CpuRef", "--backend-option", "Tidl:NoSuchOption=1"], 1,
                     "unknown backend option 'NoSuchOption'")

shutil.rmtree(work)
print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
