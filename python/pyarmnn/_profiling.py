"""get_profiling_data: the profiler's JSON as Python data, under PyArmNN's names."""
import json
from collections import namedtuple

ProfilerData = namedtuple("ProfilerData", ["inference_data", "per_workload_execution_data"])
ProfilerData.__doc__ = """inference_data: {"time_unit", "execution_time": [one value per inference]}.
per_workload_execution_data: {workload event key (e.g. "CpuRefConvolution2dWorkload_Execute_#3"): {"time_unit", "execution_time": [...], "backend",
"layer_name", "layer_guid"}}, one entry per workload, in execution order."""


def _strip_counter(key):
    """Event keys carry a "_#N" suffix that keeps them unique in the JSON object."""
    return key.rsplit("_#", 1)[0]


def _measurement(event):
    for key, value in event.items():
        if isinstance(value, dict) and value.get("type") == "Measurement" and \
                _strip_counter(key) == "Wall clock time":
            return value
    raise ValueError("profiler JSON: event without a 'Wall clock time' measurement")


def get_profiling_data(profiler, backends=None):
    """Reads an IProfiler (or its as_json() text) into a ProfilerData.

    A workload's execution_time lists its time in each recorded inference. backends (names or BackendIds), when
    given, keeps only the workloads that ran on them."""
    wanted = None if backends is None else {str(b) for b in backends}
    text = profiler if isinstance(profiler, str) else profiler.as_json()
    root = json.loads(text).get("ArmNN")
    if root is None:
        raise ValueError("profiler JSON: no 'ArmNN' root object")
    inference_time, inference_unit = [], "us"
    workloads = {}
    for key, event in root.items():
        if _strip_counter(key) != "inference_measurements" or not isinstance(event, dict):
            continue
        wall = _measurement(event)
        inference_time.extend(wall["raw"])
        inference_unit = wall["unit"]
        for child_key, child in event.items():
            if not isinstance(child, dict) or child.get("type") != "Event":
                continue
            if wanted is not None and child.get("backend") not in wanted:
                continue
            m = _measurement(child)
            entry = workloads.setdefault(child_key, {
                "time_unit": m["unit"], "execution_time": [], "backend": child.get("backend", ""),
                "layer_name": child.get("layer_name", ""), "layer_guid": child.get("layer_guid")})
            entry["execution_time"].extend(m["raw"])
    return ProfilerData(inference_data={"time_unit": inference_unit, "execution_time": inference_time},
                        per_workload_execution_data=workloads)
