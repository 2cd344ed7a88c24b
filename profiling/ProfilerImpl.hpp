//
// ProfilerImpl: records per-workload wall-clock times of each inference and prints them in Arm NN's JSON layout
// or as a Chrome trace.
//
#pragma once

#include <armnn/IProfiler.hpp>

#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

namespace armnn
{

class ProfilerImpl
{
public:
    /// A figure a workload reports with each execution (IWorkload::GetCounters).
    struct Counter
    {
        std::string m_Name;
        std::string m_Unit;
        double m_Value;
    };

    struct WorkloadTiming
    {
        std::string m_LayerName;
        std::string m_LayerType;
        std::string m_Backend;
        uint64_t m_LayerGuid;
        double m_Microseconds;
        std::vector<Counter> m_Counters;
    };

    void EnableProfiling(bool enable);
    bool IsProfilingEnabled() const;

    /// Thread-safe: concurrent inferences each record their own entry.
    void RecordInference(double totalMicroseconds, std::vector<WorkloadTiming> workloads);

    /// Workload counters become measurements of their workload's event (raw: one value per inference) and, summed
    /// over the workloads, of the inference_measurements event.
    /// Arm NN's layout: {"ArmNN": {"inference_measurements_#N": {"type": "Event", "Wall clock time_#N":
    /// {"type": "Measurement", "raw": [one value per inference], "unit": "us"}, "<Backend><Type>Workload_Execute_#N":
    /// {"type": "Event", "backend": ..., "layer_name": ..., "layer_guid": ..., "Wall clock time_#N": {...}}}}}
    void Print(std::ostream& out) const;

    /// Per event name: count, mean, min, max in microseconds.
    void AnalyzeEventsAndWriteResults(std::ostream& out) const;

    /// Chrome's trace-event format (chrome://tracing, Perfetto): one complete event per workload execution.
    void WriteChromeTrace(std::ostream& out) const;

    size_t GetNumInferences() const;

    /// The mean over the recorded inferences of a counter summed over each inference's workloads; 0 when none.
    double GetCounterMean(const std::string& name) const;

private:
    struct Inference
    {
        double m_TotalMicroseconds;
        std::vector<WorkloadTiming> m_Workloads;
    };

    mutable std::mutex m_Mutex;
    bool m_Enabled = false;
    std::vector<Inference> m_Inferences;
};

} // namespace armnn
