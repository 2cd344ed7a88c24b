#!/usr/bin/env python3
"""Whole-network benchmark: our CpuAcc, CpuRef and GpuAcc against LiteRT (XNNPACK) and ONNX Runtime.

    python3 tests/benchmarks/benchmark_networks.py [--build-dir build] [--out build/benchmarks]

Models come from the test-model cache (tests/models/generate_models.py; ARMNN_TEST_MODELS overrides the folder):
MobileNet v1, MobileNet v2, ResNet-50 and SSD MobileNet v2 (reported "missing" when the cache has none), fp32 and
int8, batch 1. Every engine runs the same input bytes in its own process, once per model, precision and thread
count: load time (ours: parse + Optimize + LoadNetwork; LiteRT: interpreter + AllocateTensors; ONNX Runtime:
InferenceSession), the median of --runs timed inferences after --warmup, and the process's peak RSS (VmHWM, which
each engine process reports itself; the peers' figure includes the Python interpreter and numpy). ONNX Runtime runs the .tflite converted by
tf2onnx, cached next to it as .onnx. CpuRef is single-threaded and slow: it runs once per model and precision,
--ref-runs times. GpuAcc (`GpuAcc,CpuRef`: fp32 layers on the OpenCL device, the rest on CpuRef) runs once per model
and precision too, since the OpenCL driver picks its own threads; its cell says "none" when no layer ran on GpuAcc
(no OpenCL device, or a quantized model) and its layer count is shown.
Prints a table with CpuAcc/peer ratios and ResNet-50's fp32 GFLOP/s against the machine's FMA peak, and writes
results.json and results.md into --out. Exit code 1 when CpuAcc or CpuRef fails on a model; 77 when no model or
LiteRT is available.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# (label, file-name prefix in the cache). The first cached file whose name starts with the prefix is used.
MODELS = [
    ("MobileNet v1", "mobilenet_v1"),
    ("MobileNet v2", "mobilenet_v2"),
    ("ResNet-50", "resnet50"),
    ("SSD MobileNet v2", "ssd_mobilenet_v2"),
]
ENGINES = ["CpuAcc", "CpuRef", "GpuAcc", "LiteRT", "ORT"]


def cache_dir():
    return os.environ.get("ARMNN_TEST_MODELS") or os.path.join(os.path.expanduser("~"), ".cache",
                                                               "armnn-test-models")


# ---------------------------------------------------------------------------------------------------------------
# Workers: each runs in its own process and prints one JSON object like NetworkBenchmark's.

def peak_rss_kb():
    """VmHWM of /proc/self/status: this process's own peak RSS (see run_engine)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def worker_litert(model, threads, warmup, runs, input_path):
    import numpy as np
    from ai_edge_litert.interpreter import Interpreter
    start = time.perf_counter()
    interpreter = Interpreter(model_path=model, num_threads=threads)
    interpreter.allocate_tensors()
    load_ms = (time.perf_counter() - start) * 1e3
    detail = interpreter.get_input_details()[0]
    data = np.fromfile(input_path, dtype=detail["dtype"]).reshape(detail["shape"])
    interpreter.set_tensor(detail["index"], data)
    times = []
    for i in range(warmup + runs):
        start = time.perf_counter()
        interpreter.invoke()
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1e3)
    return {"load_ms": load_ms, "times_ms": times, "vm_hwm_kb": peak_rss_kb()}


def worker_ort(model, threads, warmup, runs, input_path):
    import numpy as np
    import onnxruntime as ort
    start = time.perf_counter()
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    load_ms = (time.perf_counter() - start) * 1e3
    detail = session.get_inputs()[0]
    dtype = {"tensor(float)": np.float32, "tensor(int8)": np.int8, "tensor(uint8)": np.uint8}[detail.type]
    data = np.fromfile(input_path, dtype=dtype).reshape([d if isinstance(d, int) else 1 for d in detail.shape])
    feed = {detail.name: data}
    times = []
    for i in range(warmup + runs):
        start = time.perf_counter()
        session.run(None, feed)
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1e3)
    return {"load_ms": load_ms, "times_ms": times, "vm_hwm_kb": peak_rss_kb()}


# ---------------------------------------------------------------------------------------------------------------
# The driver.

def run_engine(command, timeout, env=None):
    """Runs command in a child. Its peak RSS is the VmHWM the child reports itself: the ru_maxrss that os.wait4
    returns is no lower than this driver's RSS at the fork (Linux carries the high-water mark over exec), which
    inflated small engines' figures; it is kept only as a fallback."""
    start = time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=None if env is None else dict(os.environ, **env))
    stdout_chunks, stderr_chunks = [], []
    readers = [threading.Thread(target=lambda s=s, c=c: c.append(s.read()))
               for s, c in ((process.stdout, stdout_chunks), (process.stderr, stderr_chunks))]
    for reader in readers:
        reader.start()
    status, rusage = None, None
    while True:
        pid, status, rusage = os.wait4(process.pid, os.WNOHANG)
        if pid != 0:
            break
        if time.time() - start > timeout:
            process.kill()
            pid, status, rusage = os.wait4(process.pid, 0)
            for reader in readers:
                reader.join()
            return {"error": "timed out after %d s" % timeout}
        time.sleep(0.02)
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = "".join(stdout_chunks), "".join(stderr_chunks)
    if process.returncode != 0:
        lines = [l for l in stderr.strip().splitlines() if l.strip()]
        return {"error": (lines[-1] if lines else "exit code %d" % process.returncode)[:200]}
    result = json.loads(stdout.strip().splitlines()[-1])
    own = result.pop("vm_hwm_kb", None)
    result["peak_rss_mb"] = (own if own and own > 0 else rusage.ru_maxrss) / 1024.0
    times = result.pop("times_ms")
    result["runs"] = len(times)
    result["median_ms"] = statistics.median(times)
    result["min_ms"] = min(times)
    return result


def find_model(prefix, precision):
    directory = cache_dir()
    if not os.path.isdir(directory):
        return None
    names = sorted(n for n in os.listdir(directory) if n.startswith(prefix) and n.endswith("." + precision + ".tflite"))
    return os.path.join(directory, names[0]) if names else None


def convert_to_onnx(tflite):
    """tf2onnx's conversion of the .tflite, cached next to it; returns (path, None) or (None, reason)."""
    onnx_path = tflite[:-len(".tflite")] + ".onnx"
    if os.path.exists(onnx_path) and os.path.getmtime(onnx_path) >= os.path.getmtime(tflite):
        return onnx_path, None
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    result = subprocess.run([sys.executable, "-m", "tf2onnx.convert", "--tflite", tflite, "--output",
                             onnx_path + ".tmp", "--opset", "17"], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        lines = [l for l in result.stderr.strip().splitlines() if l.strip()]
        return None, "tf2onnx failed: " + (lines[-1] if lines else "exit code %d" % result.returncode)[:150]
    os.replace(onnx_path + ".tmp", onnx_path)
    return onnx_path, None


def model_info(tflite):
    """Input dtype and shape, and the MACs of convolutions and fully connected layers (for GFLOP/s)."""
    from ai_edge_litert.interpreter import Interpreter
    interpreter = Interpreter(model_path=tflite)
    detail = interpreter.get_input_details()[0]
    tensors = {t["index"]: t for t in interpreter.get_tensor_details()}
    macs = 0
    for op in interpreter._get_ops_details():  # noqa: SLF001 - the only view of the operators' tensors
        name = op["op_name"]
        if name not in ("CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED"):
            continue
        weights = tensors[op["inputs"][1]]["shape"]
        outputs = 1
        for d in tensors[op["outputs"][0]]["shape"]:
            outputs *= int(d)
        if name == "CONV_2D":  # weights [O, H, W, I]
            macs += outputs * int(weights[1]) * int(weights[2]) * int(weights[3])
        elif name == "DEPTHWISE_CONV_2D":  # weights [1, H, W, C*M]
            macs += outputs * int(weights[1]) * int(weights[2])
        else:  # weights [O, I]
            macs += outputs * int(weights[1])
    return detail["dtype"], [int(d) for d in detail["shape"]], macs


def write_input(path, dtype, shape, seed):
    import numpy as np
    rng = np.random.default_rng(seed)
    if np.issubdtype(dtype, np.floating):
        data = rng.uniform(-1.0, 1.0, shape).astype(dtype)
    else:
        info = np.iinfo(dtype)
        data = rng.integers(info.min, info.max + 1, shape, dtype=dtype)
    data.tofile(path)


def machine(clock_ghz=None, tool=None):
    model_name, cores, mhz = platform.processor() or "unknown", os.cpu_count() or 1, 0.0
    flags = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                key, value = key.strip(), value.strip()
                if key == "model name":
                    model_name = value
                elif key == "cpu MHz":
                    mhz = max(mhz, float(value))
                elif key == "flags":
                    flags = value
    except OSError:
        pass
    flag_set = set(flags.split())
    # FP32 FLOP per cycle and core: 2 (an FMA) x lanes x FMA instructions per cycle. Two 256-bit FMA pipes (Zen 4
    # runs a 512-bit FMA over both; Haswell-to-Skylake client cores have two 256-bit units) give 32.
    if "fma" in flag_set:
        flop_per_cycle, width = 32, "2 x 256-bit FMA pipes (a 512-bit FMA takes both on Zen 4) x 8 lanes x 2"
    else:
        flop_per_cycle, width = 8, "no FMA: 128-bit SSE mul + add, 4 lanes x 2"
    isa = "AVX-512 + VNNI" if "avx512_vnni" in flag_set else ("AVX-512" if "avx512f" in flag_set else
                                                                ("AVX2" if "avx2" in flag_set else "SSE"))
    source = "cpu MHz in /proc/cpuinfo"
    if clock_ghz:
        mhz, source = clock_ghz * 1e3, "--clock-ghz"
    peak = mhz / 1e3 * cores * flop_per_cycle
    formula = "%.3f GHz (%s) x %d cores x %d FLOP/cycle (%s)" % (mhz / 1e3, source, cores, flop_per_cycle, width)
    # /proc/cpuinfo shows the base clock, not the boost clock the cores run at: a measured FMA loop (one core,
    # NetworkBenchmark --peak-fma) gives the real peak, which the table quotes when it is available.
    measured = None
    if tool and os.path.exists(tool) and not clock_ghz:
        try:
            out = subprocess.run([tool, "--peak-fma"], capture_output=True, text=True, timeout=120)
            measured = json.loads(out.stdout.strip().splitlines()[-1]).get("gflops_per_core")
        except (OSError, ValueError, IndexError, subprocess.TimeoutExpired):
            measured = None
    if measured:
        formula = "%.1f GFLOP/s per core measured by an FP32 FMA loop (NetworkBenchmark --peak-fma) x %d cores " \
                  "(the base-clock formula, %s, gives %.1f)" % (measured, cores, formula, peak)
        peak = measured * cores
    return {
        "model_name": model_name, "cores": cores, "mhz": mhz, "isa": isa, "flop_per_cycle": flop_per_cycle,
        "peak_gflops": peak, "peak_measured_per_core": measured,
        "peak_formula": formula,
        "load_average_start": os.getloadavg(),
    }


def fmt(value, digits=2):
    return "-" if value is None else ("%.*f" % (digits, value))


def ratio(ours, peer):
    if ours is None or peer is None or peer <= 0:
        return None
    return ours / peer


def markdown(results, info, args):
    lines = []
    lines.append("Machine: %s, %d cores, %s; load average %s at the start, %s at the end." % (
        info["model_name"], info["cores"], info["isa"],
        " ".join("%.1f" % x for x in info["load_average_start"]),
        " ".join("%.1f" % x for x in info["load_average_end"])))
    lines.append("")
    lines.append("Batch 1. Median of %d runs after %d warm-up runs (CpuRef: %d runs, single-threaded, shown in "
                 "every thread row). Latency and load in ms, peak RSS in MB (the peers' include Python)." % (
                     args.runs, args.warmup, args.ref_runs))
    lines.append("")
    lines.append("| model | prec | thr | CpuAcc | CpuRef | GpuAcc | LiteRT | ORT | Acc/LiteRT | Acc/ORT"
                 " | load Acc / LiteRT / ORT | RSS Acc / LiteRT / ORT / Ref | Acc layers | GpuAcc layers |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|")
    notes = []
    for r in results:
        if r.get("missing"):
            lines.append("| %s | %s | | missing | | | | | | | | | | |" % (r["model"], r["precision"]))
            continue
        e = r["engines"]

        def med(name):
            return e.get(name, {}).get("median_ms")

        def cell(name):
            if name not in e:
                return ""
            if e[name].get("none_on_device"):
                return "none"
            if "error" in e.get(name, {}):
                notes.append("%s %s %dT %s: %s" % (r["model"], r["precision"], r["threads"], name,
                                                   e[name]["error"]))
                return "error"
            return fmt(med(name), 3 if (med(name) or 0) < 10 else 1)

        def triple(key, names, digits=0):
            return " / ".join(fmt(e.get(n, {}).get(key), digits) for n in names)

        layers = e.get("CpuAcc", {}).get("layers", {})
        gpu_layers = e.get("GpuAcc", {}).get("layers", {})
        lines.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["model"], r["precision"], r["threads"], cell("CpuAcc"), cell("CpuRef"), cell("GpuAcc"), cell("LiteRT"),
            cell("ORT"),
            fmt(ratio(med("CpuAcc"), med("LiteRT"))), fmt(ratio(med("CpuAcc"), med("ORT"))),
            triple("load_ms", ["CpuAcc", "LiteRT", "ORT"]),
            triple("peak_rss_mb", ["CpuAcc", "LiteRT", "ORT", "CpuRef"]),
            " ".join("%s %d" % kv for kv in sorted(layers.items())),
            " ".join("%s %d" % kv for kv in sorted(gpu_layers.items()))))
    lines.append("")
    rn = [r for r in results if r["model"] == "ResNet-50" and r["precision"] == "fp32" and not r.get("missing")]
    for r in rn:
        acc = r["engines"].get("CpuAcc", {}).get("median_ms")
        if acc:
            gflops = 2.0 * r["macs"] / (acc * 1e6)
            peak = info["peak_gflops"] * r["threads"] / info["cores"]
            lines.append("ResNet-50 fp32 on CpuAcc, %d thread(s): %.2f GFLOP (2 x MACs of conv and FC) in %.3f ms = "
                         "%.1f GFLOP/s, %.0f%% of the %.1f GFLOP/s peak of %d core(s)." % (
                             r["threads"], 2.0 * r["macs"] / 1e9, acc, gflops, 100.0 * gflops / peak, peak,
                             r["threads"]))
    lines.append("Peak: %.1f GFLOP/s = %s." % (info["peak_gflops"], info["peak_formula"]))
    if notes:
        lines.append("")
        lines.extend("- " + n for n in notes)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    parser.add_argument("--out", default=None, help="folder for results.json and results.md (default BUILD/benchmarks)")
    parser.add_argument("--models", default=",".join(p for _, p in MODELS),
                        help="comma-separated cache prefixes (default: all four)")
    parser.add_argument("--precisions", default="fp32,int8")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--ref-runs", type=int, default=3)
    parser.add_argument("--clock-ghz", type=float, default=None,
                        help="core clock for the peak FLOP/s (default: the largest cpu MHz in /proc/cpuinfo)")
    parser.add_argument("--update-readme", action="store_true",
                        help="also put the table into README.md between its benchmark markers")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per engine run")
    parser.add_argument("--worker", nargs=6, metavar=("ENGINE", "MODEL", "THREADS", "WARMUP", "RUNS", "INPUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        engine, model, threads, warmup, runs, input_path = args.worker
        worker = {"LiteRT": worker_litert, "ORT": worker_ort}[engine]
        print(json.dumps(worker(model, int(threads), int(warmup), int(runs), input_path)))
        return 0

    try:
        import numpy  # noqa: F401
        import ai_edge_litert  # noqa: F401
    except ImportError as e:
        print("benchmark_networks: skipped: %s" % e)
        return SKIP
    tool = os.path.join(args.build_dir, "bin", "NetworkBenchmark")
    engines = args.engines.split(",")
    unknown = [n for n in engines if n not in ENGINES]
    if unknown:
        parser.error("unknown engine(s) %s; the engines are %s" % (", ".join(unknown), ", ".join(ENGINES)))
    if any(n in engines for n in ("CpuAcc", "CpuRef", "GpuAcc")) and not os.path.exists(tool):
        print("benchmark_networks: %s is missing (build the project first)" % tool, file=sys.stderr)
        return 1
    out = args.out or os.path.join(args.build_dir, "benchmarks")
    os.makedirs(out, exist_ok=True)
    info = machine(args.clock_ghz, tool)
    threads_list = [int(t) for t in args.threads.split(",")]
    labels = dict((p, l) for l, p in MODELS)

    results = []
    found = 0
    for prefix in args.models.split(","):
        label = labels.get(prefix, prefix)
        for precision in args.precisions.split(","):
            tflite = find_model(prefix, precision)
            if tflite is None:
                results.append({"model": label, "precision": precision, "missing": True})
                print("%-17s %-4s missing from %s" % (label, precision, cache_dir()), flush=True)
                continue
            found += 1
            dtype, shape, macs = model_info(tflite)
            input_path = os.path.join(out, os.path.basename(tflite)[:-len(".tflite")] + ".input.bin")
            write_input(input_path, dtype, shape, seed=1234)
            onnx_path, onnx_error = (convert_to_onnx(tflite) if "ORT" in engines else (None, None))
            ref, gpu = None, None
            for threads in threads_list:
                row = {"model": label, "precision": precision, "threads": threads, "file": os.path.basename(tflite),
                       "macs": macs, "engines": {}}
                for engine in engines:
                    if engine == "CpuRef":
                        if ref is None:
                            ref = run_engine([tool, tflite, "CpuRef", "0", "1", str(args.ref_runs), input_path],
                                             args.timeout)
                        result = ref
                    elif engine == "GpuAcc":
                        if gpu is None:
                            gpu = run_engine([tool, tflite, "GpuAcc,CpuRef", "0", str(args.warmup), str(args.runs),
                                              input_path], args.timeout)
                            if "error" not in gpu and not gpu.get("layers", {}).get("GpuAcc"):
                                gpu["none_on_device"] = True
                        result = gpu
                    elif engine == "CpuAcc":
                        result = run_engine([tool, tflite, "CpuAcc,CpuRef", str(threads), str(args.warmup),
                                             str(args.runs), input_path], args.timeout)
                    elif engine == "LiteRT":
                        result = run_engine([sys.executable, __file__, "--worker", "LiteRT", tflite, str(threads),
                                             str(args.warmup), str(args.runs), input_path], args.timeout)
                    elif onnx_path is None:
                        result = {"error": onnx_error}
                    else:
                        result = run_engine([sys.executable, __file__, "--worker", "ORT", onnx_path, str(threads),
                                             str(args.warmup), str(args.runs), input_path], args.timeout)
                    row["engines"][engine] = result
                e = row["engines"]
                print("%-17s %-4s %dT  " % (label, precision, threads) + "  ".join(
                    "%s %s" % (n, "none" if e[n].get("none_on_device") else
                               fmt(e[n].get("median_ms"), 3) if "error" not in e[n] else "error")
                    for n in engines) + "  Acc/LiteRT %s  Acc/ORT %s" % (
                    fmt(ratio(e.get("CpuAcc", {}).get("median_ms"), e.get("LiteRT", {}).get("median_ms"))),
                    fmt(ratio(e.get("CpuAcc", {}).get("median_ms"), e.get("ORT", {}).get("median_ms")))),
                    flush=True)
                results.append(row)
    if found == 0:
        print("benchmark_networks: skipped: no model in %s (run tests/models/generate_models.py)" % cache_dir())
        return SKIP

    info["load_average_end"] = os.getloadavg()
    # Our engines must run every model they are given; a peer's failure (e.g. a conversion) is only reported.
    ours_failed = [r for r in results if any("error" in r.get("engines", {}).get(n, {}) for n in ("CpuAcc", "CpuRef"))]
    table = markdown(results, info, args)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump({"machine": info, "runs": args.runs, "warmup": args.warmup, "ref_runs": args.ref_runs,
                   "results": results}, f, indent=1)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(table)
    print()
    print(table)
    print("Written: %s, %s" % (os.path.join(out, "results.json"), os.path.join(out, "results.md")))
    if args.update_readme:
        readme = os.path.join(ROOT, "README.md")
        with open(readme) as f:
            text = f.read()
        start, end = "<!-- benchmark:start -->\n", "<!-- benchmark:end -->"
        if start not in text or end not in text:
            print("benchmark_networks: README.md has no benchmark markers", file=sys.stderr)
            return 1
        head, rest = text.split(start, 1)
        with open(readme, "w") as f:
            f.write(head + start + table + rest[rest.index(end):])
        print("Updated: " + readme)
    return 1 if ours_failed else 0


if __name__ == "__main__":
    sys.exit(main())
