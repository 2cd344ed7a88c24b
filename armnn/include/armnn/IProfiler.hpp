//
// IProfiler: per-workload timings of a loaded network, printed in Arm NN's JSON layout.
//
#pragma once

#include "Types.hpp"

#include <iosfwd>
#include <memory>
#include <string>

namespace armnn
{

class ProfilerImpl;

class IProfiler
{
public:
    /// Starts or stops recording events. Off by default.
    void EnableProfiling(bool enableProfiling);
    bool IsProfilingEnabled();

    /// Writes a summary of the recorded events (count, mean, min, max per event name).
    void AnalyzeEventsAndWriteResults(std::ostream& outStream) const;

    /// Writes the recorded events as JSON: root "ArmNN", one "inference_measurements" event per inference,
    /// one child event per workload with its "Wall clock time" in microseconds.
    void Print(std::ostream& outStream) const;

    /// The mean per inference of a workload counter summed over the network's workloads, such as the emulated
    /// accelerators' "Simulated device time" (us); 0 when none reports it. Not in Arm NN.
    double GetCounterMean(const std::string& name) const;

    /// Also prints the network's layer details when printing.
    void EnableNetworkDetailsToStdOut(ProfilingDetailsMethod detailsMethod);

    IProfiler();
    ~IProfiler();

    ProfilerImpl& GetImpl() { return *pProfilerImpl; }
    const ProfilerImpl& GetImpl() const { return *pProfilerImpl; }

private:
    std::unique_ptr<ProfilerImpl> pProfilerImpl;
};

} // namespace armnn
