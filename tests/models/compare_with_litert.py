#!/usr/bin/env python3
"""Runs every generated test model through LiteRT and through ExecuteNetwork, and compares the outputs.

For each model in the cache's manifest (see generate_models.py), random inputs from a fixed seed are written to .npy
files and run through LiteRT (ai_edge_litert.interpreter, reference kernels by default) and through
`ExecuteNetwork -c CpuRef -d <inputs> -w <outputs>`.

Criteria, per output tensor:
  float32      relative error <= 1e-4, measured as max|armnn - litert| / max(max|litert|, 1e-6): the largest
               absolute difference relative to the output's largest magnitude (an element-wise ratio would blow up
               on elements near zero, which carry no more error than their neighbours).
  int8/uint8   every element identical or at most one quantization step apart; the share of bit-exact elements
               is reported.
  other types  identical.

Detection outputs (TFLite_Detection_PostProcess: boxes, classes, scores, count) are compared up to the detection
count, since LiteRT leaves the rows past it unwritten; a different count fails on the count output.

Models written elsewhere (not in the manifest) are added with --extra-models DIR_OR_FILE (repeatable: every .tflite
in the directory, or the file) and --package-models PACKAGE (every .tflite an installed Python package ships, found
without importing it; reported and left out when the package is not installed); --no-manifest leaves out the
generated models. A model LiteRT itself cannot load (a custom operator it does not know) is reported as 'no-ref'.

A model the parser cannot read (ExecuteNetwork exit code 3, a ParseException) is reported as unsupported with the
parser's message and does not fail the run; any other error, and any mismatch, fails it (exit code 1).
Exit code 77 means skipped: LiteRT or numpy is missing, or no models were generated.
"""

import argparse
import json
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
# Operators whose LiteRT reference kernel (BUILTIN_REF) is wrong: models using them compare with LiteRT's optimized
# builtin kernels instead. Measured on ai-edge-litert 2.3.0 against TensorFlow's own ops.
REFERENCE_KERNEL_BUGS = {
    # max abs difference 0.12 from tf.nn.local_response_normalization; the optimized kernel is within 9e-8
    "LOCAL_RESPONSE_NORMALIZATION",
    # int8 SUM over axes [1, 2] gives -1 everywhere; the optimized kernel gives the requantized sums
    "SUM",
}


def cache_dir():
    return os.environ.get("ARMNN_TEST_MODELS") or os.path.join(os.path.expanduser("~"), ".cache",
                                                               "armnn-test-models")


def skip(reason):
    print(f"compare_with_litert: SKIPPED: {reason}")
    sys.exit(SKIP)


def package_models(package):
    """The .tflite files an installed package ships (its directory found without importing it), or None."""
    import importlib.util
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return None
    found = []
    for root in spec.submodule_search_locations:
        for directory, _, files in os.walk(root):
            found += [os.path.join(directory, f) for f in files if f.endswith(".tflite")]
    return sorted(found)


def extra_entries(args):
    """Manifest-like entries for the models given by --extra-models and --package-models, keyed by file name."""
    files = []
    for item in args.extra_models or []:
        if os.path.isdir(item):
            files += sorted(os.path.join(item, f) for f in os.listdir(item) if f.endswith(".tflite"))
        elif os.path.isfile(item):
            files.append(item)
        else:
            print(f"compare_with_litert: --extra-models {item}: not found, left out")
    for package in args.package_models or []:
        shipped = package_models(package)
        if shipped is None:
            print(f"compare_with_litert: SKIPPED the models of Python package '{package}': not installed")
        elif not shipped:
            print(f"compare_with_litert: Python package '{package}' ships no .tflite file")
        else:
            print(f"compare_with_litert: {len(shipped)} models from Python package '{package}'")
            files += shipped
    entries = {}
    for path in files:
        key = os.path.basename(path).removesuffix(".tflite")
        if key in entries:
            key = f"{os.path.basename(os.path.dirname(os.path.abspath(path)))}/{key}"
        entries[key] = {"path": os.path.abspath(path)}
    return entries


def make_inputs(details, input_range, name, np):
    # One fixed seed per model (from its name), so that adding a model does not change the others' inputs.
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    lo, hi = input_range
    inputs = []
    for detail in details:
        shape, dtype = tuple(detail["shape"]), detail["dtype"]
        if dtype == np.float32:
            inputs.append(rng.uniform(lo, hi, shape).astype(np.float32))
        elif dtype in (np.int8, np.uint8, np.int16):
            scale, zero_point = detail["quantization"]
            real = rng.uniform(lo, hi, shape)
            info = np.iinfo(dtype)
            inputs.append(np.clip(np.round(real / scale) + zero_point, info.min, info.max).astype(dtype))
        elif dtype in (np.int32, np.int64):
            inputs.append(rng.integers(0, 10, shape).astype(dtype))
        elif dtype == np.bool_:
            inputs.append(rng.integers(0, 2, shape).astype(np.bool_))
        else:
            raise RuntimeError(f"input type {dtype} not handled by the comparison")
    return inputs


def litert_child(path, input_files, output_files, resolver_name):
    import numpy as np
    from ai_edge_litert.interpreter import Interpreter, OpResolverType
    resolver = {"reference": OpResolverType.BUILTIN_REF, "builtin": OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES,
                "default": OpResolverType.AUTO}[resolver_name]
    interpreter = Interpreter(model_path=path, experimental_op_resolver_type=resolver)
    interpreter.allocate_tensors()
    for detail, input_file in zip(interpreter.get_input_details(), input_files):
        interpreter.set_tensor(detail["index"], np.load(input_file))
    interpreter.invoke()
    for detail, output_file in zip(interpreter.get_output_details(), output_files):
        np.save(output_file, interpreter.get_tensor(detail["index"]))


def run_litert(path, input_files, output_files, kernels):
    """Runs LiteRT in a forked process: some of its kernels abort the process on some models (the reference
    kernels on int8 MobileNet v1 do), and that must not end the comparison. Falls back to LiteRT's optimized builtin
    kernels when the chosen ones crash; returns the kernels that produced the outputs."""
    import multiprocessing
    for attempt in [kernels] + (["builtin"] if kernels == "reference" else []):
        child = multiprocessing.get_context("fork").Process(target=litert_child,
                                                            args=(path, input_files, output_files, attempt))
        child.start()
        child.join()
        if child.exitcode == 0:
            return attempt
    raise RuntimeError(f"LiteRT failed on {path} (exit code {child.exitcode})")


def compare(name, expected, actual, detail, np):
    """One table row: (verdict, metric text, bit-exact elements, elements) for a quantized output."""
    if actual.shape != expected.shape and actual.size == expected.size:
        actual = actual.reshape(expected.shape)
    if actual.dtype != expected.dtype or actual.shape != expected.shape:
        return ("FAIL", f"ExecuteNetwork gave {actual.dtype}{list(actual.shape)}, LiteRT "
                        f"{expected.dtype}{list(expected.shape)}", 0, 0)
    if expected.dtype == np.float32:
        scale = max(float(np.max(np.abs(expected))) if expected.size else 0.0, 1e-6)
        difference = float(np.max(np.abs(actual.astype(np.float64) - expected))) if expected.size else 0.0
        relative = difference / scale
        ok = relative <= FLOAT_TOLERANCE and np.all(np.isfinite(actual) == np.isfinite(expected))
        return ("ok" if ok else "FAIL", f"rel err {relative:.2e} (max abs {difference:.2e})", 0, 0)
    if expected.dtype in (np.int8, np.uint8, np.int16):
        steps = np.abs(actual.astype(np.int64) - expected.astype(np.int64))
        exact = int(np.count_nonzero(steps == 0))
        worst = int(steps.max()) if steps.size else 0
        verdict = "ok" if worst <= 1 else "FAIL"
        return (verdict, f"max {worst} step(s), {100.0 * exact / max(steps.size, 1):.2f}% bit-exact", exact,
                steps.size)
    same = bool(np.array_equal(actual, expected))
    return ("ok" if same else "FAIL", "identical" if same else "values differ", 0, 0)


def detection_count(expected, actual, np):
    """The number of detections LiteRT reports when the outputs are TFLite_Detection_PostProcess's (boxes
    [1, N, 4], classes [1, N], scores [1, N], count [1]) and both runtimes agree on it; None otherwise."""
    shapes = [e.shape for e in expected]
    if (len(shapes) != 4 or shapes[3] != (1,) or len(shapes[0]) != 3 or shapes[0][2] != 4
            or shapes[1] != shapes[0][:2] or shapes[2] != shapes[0][:2] or actual[3].size != 1):
        return None
    count = int(expected[3][0])
    return count if 0 <= count <= shapes[0][1] and int(actual[3].ravel()[0]) == count else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--execute-network", required=True, help="path of the ExecuteNetwork executable")
    parser.add_argument("--models", default=cache_dir(), help="model cache directory (default: %(default)s)")
    parser.add_argument("--extra-models", action="append", metavar="DIR_OR_FILE",
                        help="also compare these .tflite files (a directory: every .tflite in it); repeatable")
    parser.add_argument("--package-models", action="append", metavar="PACKAGE",
                        help="also compare the .tflite files this installed Python package ships; repeatable")
    parser.add_argument("--no-manifest", action="store_true",
                        help="leave out the generated models of the manifest (only --extra/--package-models)")
    parser.add_argument("--only", help="compare only models whose manifest key matches this regular expression")
    parser.add_argument("--skip", help="leave out models whose manifest key matches this regular expression")
    parser.add_argument("--backend", default="CpuRef", help="backends for ExecuteNetwork -c (default: CpuRef)")
    parser.add_argument("--kernels", choices=("reference", "builtin", "default"), default="reference",
                        help="LiteRT kernels: reference (BUILTIN_REF), builtin (optimized, no XNNPACK), "
                             "default (with XNNPACK)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per ExecuteNetwork run")
    parser.add_argument("--strict", action="store_true", help="count unsupported models as failures")
    parser.add_argument("--known-mismatch",
                        help="models (regular expression on the manifest key) whose mismatch is a known, documented "
                             "gap: reported as 'known', not counted as a failure; one of them matching fails the run, "
                             "so the list cannot go stale")
    args = parser.parse_args()

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        import numpy as np
        import ai_edge_litert.interpreter  # noqa: F401
    except ImportError as e:
        skip(f"{e} (pip install ai-edge-litert numpy)")
    if not os.access(args.execute_network, os.X_OK):
        print(f"compare_with_litert: {args.execute_network} is not an executable", file=sys.stderr)
        return 1
    models = {}
    manifest_path = os.path.join(args.models, "manifest.json")
    if not args.no_manifest:
        if os.path.exists(manifest_path):
            with open(manifest_path) as f:
                manifest = json.load(f)
            models = {k: dict(m, path=os.path.join(args.models, m["file"]))
                      for k, m in manifest["models"].items() if "file" in m}
        elif not args.extra_models and not args.package_models:
            skip(f"no models in {args.models}: run tests/models/generate_models.py (or scripts/test.sh --models)")
        else:
            print(f"compare_with_litert: no generated models in {args.models}; only the extra models")
    models.update(extra_entries(args))

    keys = sorted(models)
    if args.only:
        keys = [k for k in keys if re.search(args.only, k)]
    if args.skip:
        keys = [k for k in keys if not re.search(args.skip, k)]
    if not keys:
        skip("no model matches")

    results = {"ok": 0, "FAIL": 0, "unsupported": 0, "error": 0, "known": 0, "stale": 0, "no-ref": 0}
    exact_elements = total_elements = exact_outputs = quantized_outputs = 0
    unsupported = []
    work = tempfile.mkdtemp(prefix="armnn-compare-")
    print(f"Comparing {len(keys)} models: LiteRT ({args.kernels} kernels) against ExecuteNetwork "
          f"-c {args.backend}; float: rel err <= {FLOAT_TOLERANCE:g}; quantized: <= 1 step\n")
    header = f"{'model':42s} {'output':28s} {'type':14s} {'result':11s} detail"
    print(header)
    print("-" * len(header))
    for key in keys:
        entry = models[key]
        stem = key.replace("/", "__")  # file names in the work directory
        path = entry["path"]
        from ai_edge_litert.interpreter import Interpreter
        probe = Interpreter(model_path=path)
        no_reference = None
        kernels = args.kernels
        if kernels == "reference" and REFERENCE_KERNEL_BUGS & set(entry.get("ops", [])):
            kernels = "builtin"
        from ai_edge_litert.interpreter import OpResolverType
        resolvers = {"reference": OpResolverType.BUILTIN_REF,
                     "builtin": OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES, "default": OpResolverType.AUTO}
        try:
            Interpreter(model_path=path, experimental_op_resolver_type=resolvers[kernels]).allocate_tensors()
        except (RuntimeError, ValueError) as e:
            no_reference = " ".join(str(e).split()).split(" See instructions")[0]
            try:
                # A custom operator only the application registers; XNNPACK (the default kernels) implements
                # MediaPipe's Convolution2DTransposeBias.
                Interpreter(model_path=path, experimental_op_resolver_type=OpResolverType.AUTO).allocate_tensors()
                kernels, no_reference = "default", None
            except (RuntimeError, ValueError):
                # Nothing can run it: ExecuteNetwork still runs, to tell whether the parser supports the model,
                # but there is nothing to compare with.
                pass
        input_details, output_details = probe.get_input_details(), probe.get_output_details()
        inputs = make_inputs(input_details, entry.get("input_range", (-1.0, 1.0)), key, np)
        input_files = [os.path.join(work, f"{stem}.in{i}.npy") for i in range(len(inputs))]
        output_files = [os.path.join(work, f"{stem}.out{i}.npy") for i in range(len(output_details))]
        expected_files = [os.path.join(work, f"{stem}.litert{i}.npy") for i in range(len(output_details))]
        for input_file, data in zip(input_files, inputs):
            np.save(input_file, data)
        for stale in output_files + expected_files:
            if os.path.exists(stale):
                os.remove(stale)
        used_kernels = kernels
        if no_reference is None:
            try:
                used_kernels = run_litert(path, input_files, expected_files, kernels)
            except RuntimeError as e:
                results["error"] += 1
                print(f"{key:42s} {'':28s} {'':14s} {'ERROR':11s} {e}")
                continue
        expected = [np.load(f) for f in expected_files] if no_reference is None else []
        if used_kernels == args.kernels:
            peer_note = ""
        elif kernels == "builtin":
            peer_note = " (LiteRT's reference kernel for this operator is wrong: vs its builtin kernels)"
        elif kernels != args.kernels:
            peer_note = f" (LiteRT {args.kernels} kernels cannot load it: vs {used_kernels}, XNNPACK)"
        else:
            peer_note = f" (LiteRT {args.kernels} kernels crashed: vs {used_kernels})"

        command = [args.execute_network, "-m", path, "-c", args.backend, "-N",
                   "-i", ",".join(d["name"] for d in input_details), "-d", ",".join(input_files),
                   "-o", ",".join(d["name"] for d in output_details), "-w", ",".join(output_files)]
        start = time.time()
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
            returncode, stderr = run.returncode, run.stderr
        except subprocess.TimeoutExpired:
            returncode, stderr = -1, f"timed out after {args.timeout} s"
        seconds = time.time() - start
        message = " ".join(line.removeprefix("ExecuteNetwork: ") for line in stderr.strip().splitlines()
                           if not line.startswith("Optimize: WARNING"))
        if "built without the TensorFlow Lite parser" in message:
            skip(f"{args.execute_network} was built without the TensorFlow Lite parser")
        if returncode == 3:
            results["unsupported"] += 1
            unsupported.append((key, message))
            print(f"{key:42s} {'':28s} {'':14s} {'unsupported':11s} {message[:160]}")
            continue
        if returncode != 0:
            results["error"] += 1
            print(f"{key:42s} {'':28s} {'':14s} {'ERROR':11s} exit {returncode}: {message[:300]}")
            continue
        if no_reference is not None:
            results["no-ref"] += 1
            print(f"{key:42s} {'':28s} {'':14s} {'no-ref':11s} runs [{seconds:.1f} s]; LiteRT cannot: "
                  f"{no_reference[:120]}")
            continue
        actual_outputs = [np.load(f) for f in output_files]
        detections = detection_count(expected, actual_outputs, np)
        for i, detail in enumerate(output_details):
            actual = actual_outputs[i]
            if detections is not None and i < 3:
                # LiteRT leaves the rows past the detection count unwritten: compare the detections only.
                verdict, metric, exact, elements = compare(key, expected[i][:, :detections],
                                                           actual.reshape(expected[i].shape)[:, :detections],
                                                           detail, np)
            else:
                verdict, metric, exact, elements = compare(key, expected[i], actual, detail, np)
            if args.known_mismatch and re.search(args.known_mismatch, key):
                verdict = "known" if verdict == "FAIL" else "stale"
                if verdict == "stale":
                    metric += " (listed as a known mismatch but matches: remove it from --known-mismatch)"
            results[verdict] += 1
            if elements:
                quantized_outputs += 1
                exact_outputs += exact == elements
                exact_elements += exact
                total_elements += elements
            type_text = f"{expected[i].dtype}{list(expected[i].shape)}"
            label = key if i == 0 else ""
            print(f"{label:42s} {detail['name'][:28]:28s} {type_text[:14]:14s} {verdict:11s} {metric} "
                  f"[{seconds:.1f} s]{peer_note}")

    print("-" * len(header))
    print(f"outputs ok: {results['ok']}, mismatches: {results['FAIL']}, known mismatches: {results['known']}; "
          f"models unsupported by the parser: {results['unsupported']}, errors: {results['error']}, "
          f"models LiteRT's kernels cannot run: {results['no-ref']}")
    if total_elements:
        print(f"quantized outputs: {exact_outputs}/{quantized_outputs} bit-exact; "
              f"{exact_elements}/{total_elements} elements bit-exact "
              f"({100.0 * exact_elements / total_elements:.3f}%)")
    failed = results["FAIL"] + results["error"] + results["stale"] + (results["unsupported"] if args.strict else 0)
    return finish(work, failed)


def finish(work, failed):
    """The inputs and outputs stay for a look when something failed; otherwise the work folder goes."""
    if failed:
        print(f"inputs and outputs kept in {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
