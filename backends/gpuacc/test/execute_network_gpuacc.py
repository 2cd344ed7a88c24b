#!/usr/bin/env python3
"""ExecuteNetwork -c GpuAcc,CpuRef on a bundled model: GpuAcc must run layers, and the output must match CpuRef's
(max |difference| <= 1e-4 * max |CpuRef|). Exit 77 (skipped) when GpuAcc is not available.
Usage: execute_network_gpuacc.py <ExecuteNetwork> <model.tflite>"""
import os
import re
import subprocess
import sys
import tempfile


def run(execute_network, model, backends, output_file):
    result = subprocess.run([execute_network, "-m", model, "-c", backends, "-N", "-w", output_file],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"ExecuteNetwork -c {backends} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    with open(output_file) as f:
        return result.stdout, result.stderr, [float(v) for v in f.read().split()]


def main():
    execute_network, model = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        stdout, stderr, gpu = run(execute_network, model, "GpuAcc,CpuRef", os.path.join(tmp, "gpu.txt"))
        # Optimize skips a backend that is not loaded or reports itself unavailable (no OpenCL device).
        if "requested backend GpuAcc is not loaded" in stderr:
            print("GpuAcc is not available here (no OpenCL device): skipped")
            return 77
        used = re.search(r"Backends used: (.*)", stdout)
        if used is None or "GpuAcc" not in used.group(1):
            sys.exit(f"no layer ran on GpuAcc:\n{stdout}")
        _, _, ref = run(execute_network, model, "CpuRef", os.path.join(tmp, "ref.txt"))
    if len(gpu) != len(ref) or not ref:
        sys.exit(f"output sizes differ: {len(gpu)} vs {len(ref)}")
    scale = max(abs(r) for r in ref)
    worst = max(abs(g - r) for g, r in zip(gpu, ref))
    print(f"{used.group(0)}; max |GpuAcc - CpuRef| = {worst:.3g} (max |CpuRef| {scale:.3g})")
    return 0 if worst <= 1e-4 * scale else 1


if __name__ == "__main__":
    sys.exit(main())
