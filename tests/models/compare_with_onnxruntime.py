#!/usr/bin/env python3
"""Runs the ONNX models of generate_onnx_models.py through ONNX Runtime and through ExecuteNetwork, and compares.

Missing models are generated first (into ~/.cache/armnn-test-models/onnx, or $ARMNN_TEST_MODELS/onnx). Each model
gets random inputs in [-1, 1] from a fixed seed, written to .npy files, run by onnxruntime (CPU execution provider;
graph optimizations off for float models, on for QDQ models so that they run on its integer kernels) and by
`ExecuteNetwork -c CpuRef -i ... -d ... -o ... -w ...`.

Criteria, per output:
  float models  relative error <= 1e-4: max|armnn - onnxruntime| / max(max|onnxruntime|, 1e-6)
  QDQ models    (.int8.onnx, .uint8.onnx: the output is the float of a final DequantizeLinear) every element at most one
                quantization step (the scale of that DequantizeLinear) apart; the share of identical elements is
                reported.
Exit codes: 0 all match, 1 a mismatch or an error, 77 skipped (onnxruntime, onnx or numpy missing).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

SKIP = 77
FLOAT_TOLERANCE = 1e-4


def skip(reason):
    print(f"compare_with_onnxruntime: SKIPPED: {reason}")
    sys.exit(SKIP)


def output_step(model, name, np):
    """The scale of the DequantizeLinear that writes graph output `name`, or None."""
    from onnx import numpy_helper
    inits = {t.name: t for t in model.graph.initializer}
    for node in model.graph.node:
        if name in node.output and node.op_type == "DequantizeLinear" and node.input[1] in inits:
            return float(np.max(numpy_helper.to_array(inits[node.input[1]])))
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--execute-network", required=True, help="path of the ExecuteNetwork executable")
    parser.add_argument("--backend", default="CpuRef", help="backends for ExecuteNetwork -c (default: CpuRef)")
    parser.add_argument("--only", help="compare only models whose file name matches this regular expression")
    parser.add_argument("--skip", help="leave out models whose file name matches this regular expression")
    parser.add_argument("--known-mismatch",
                        help="models (regular expression on the file name) whose mismatch is a known, documented gap: "
                             "reported as 'known', not counted; one of them matching fails the run (stale list)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per ExecuteNetwork run")
    args = parser.parse_args()
    try:
        import numpy as np
        import onnx
        import onnxruntime as ort
    except ImportError as e:
        skip(f"{e} (pip install onnxruntime onnx numpy)")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import generate_onnx_models
    directory = generate_onnx_models.cache_dir()
    generate_onnx_models.generate(directory, quiet=True)
    quantized_suffixes = tuple(generate_onnx_models.QUANTIZED_SUFFIXES)
    names = list(generate_onnx_models.MODELS) + [n + suffix for suffix in quantized_suffixes
                                                 for n in generate_onnx_models.QUANTIZED]
    if args.only:
        names = [n for n in names if re.search(args.only, n)]
    if args.skip:
        names = [n for n in names if not re.search(args.skip, n)]

    work = tempfile.mkdtemp(prefix="armnn-compare-onnx-")
    failures = 0
    print(f"ONNX Runtime {ort.__version__} against ExecuteNetwork -c {args.backend}; float: rel err <= "
          f"{FLOAT_TOLERANCE:g}; QDQ: <= 1 step\n")
    for name in names:
        path = os.path.join(directory, name)
        model = onnx.load(path, load_external_data=False)
        options = ort.SessionOptions()
        # Float models: optimizations off, so that ORT's kernels see the model as written. QDQ models: all on, so
        # that ORT fuses the QDQ groups into its integer kernels (QLinearConv and friends) as it does in deployment.
        quantized = name.endswith(quantized_suffixes)
        options.graph_optimization_level = (ort.GraphOptimizationLevel.ORT_ENABLE_ALL if quantized
                                            else ort.GraphOptimizationLevel.ORT_DISABLE_ALL)
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        rng = np.random.default_rng(zlib.crc32(name.encode()))
        inputs = {i.name: rng.uniform(-1, 1, i.shape).astype(np.float32) for i in session.get_inputs()}
        outputs = [o.name for o in session.get_outputs()]
        expected = session.run(outputs, inputs)
        stem = name.replace(".", "_")
        in_files = [os.path.join(work, f"{stem}.in{k}.npy") for k in range(len(inputs))]
        out_files = [os.path.join(work, f"{stem}.out{k}.npy") for k in range(len(outputs))]
        for f, data in zip(in_files, inputs.values()):
            np.save(f, data)
        command = [args.execute_network, "-m", path, "-c", args.backend, "-N", "-i", ",".join(inputs),
                   "-d", ",".join(in_files), "-o", ",".join(outputs), "-w", ",".join(out_files)]
        start = time.time()
        run = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
        seconds = time.time() - start
        if "built without the ONNX parser" in run.stderr:
            skip(f"{args.execute_network} was built without the ONNX parser")
        if run.returncode != 0:
            failures += 1
            print(f"{name:26s} ERROR exit {run.returncode}: {run.stderr.strip()[:400]}")
            continue
        for k, out in enumerate(outputs):
            actual = np.load(out_files[k]).reshape(expected[k].shape)
            diff = np.abs(actual.astype(np.float64) - expected[k].astype(np.float64))
            step = output_step(model, out, np) if quantized else None
            if step is not None:
                steps = diff / step
                worst = float(steps.max())
                # 1e-3 of a step of slack for the float rounding of the dequantized values themselves.
                ok = worst <= 1.0 + 1e-3
                detail = (f"max {worst:.3f} step(s) (scale {step:.3g}), "
                          f"{100.0 * np.count_nonzero(steps < 1e-3) / steps.size:.1f}% identical")
            else:
                scale = max(float(np.max(np.abs(expected[k]))), 1e-6)
                relative = float(diff.max()) / scale
                ok = relative <= FLOAT_TOLERANCE and bool(np.all(np.isfinite(actual) == np.isfinite(expected[k])))
                detail = f"rel err {relative:.2e} (max abs {float(diff.max()):.2e})"
            verdict = "ok" if ok else "FAIL"
            if args.known_mismatch and re.search(args.known_mismatch, name):
                verdict = "known" if not ok else "STALE"
                ok = not ok
                if not ok:
                    detail += " (listed as a known mismatch but matches: remove it from --known-mismatch)"
            failures += not ok
            print(f"{name:26s} {out:10s} {str(list(expected[k].shape)):14s} {verdict:5s} {detail} "
                  f"[{seconds:.1f} s]")
    print(f"\n{len(names)} models, {failures} failures")
    if failures:
        print(f"inputs and outputs kept in {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
