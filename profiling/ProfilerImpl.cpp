#include "ProfilerImpl.hpp"

#include <algorithm>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

namespace armnn
{

namespace
{
std::string JsonEscape(const std::string& text)
{
    std::ostringstream ss;
    for (unsigned char c : text)
    {
        switch (c)
        {
            case '"': ss << "\\\""; break;
            case '\\': ss << "\\\\"; break;
            case '\n': ss << "\\n"; break;
            case '\t': ss << "\\t"; break;
            default:
                if (c < 0x20)
                {
                    ss << "\\u" << std::hex << std::setw(4) << std::setfill('0') << static_cast<int>(c) << std::dec;
                }
                else
                {
                    ss << c;
                }
        }
    }
    return ss.str();
}

void WriteRaw(std::ostream& out, const std::vector<double>& values, const std::string& indent, int& counter,
              const std::string& name = "Wall clock time", const std::string& unit = "us")
{
    out << indent << "\"" << JsonEscape(name) << "_#" << counter++ << "\": {\n";
    out << indent << "    \"type\": \"Measurement\",\n";
    out << indent << "    \"raw\": [";
    for (size_t i = 0; i < values.size(); ++i)
    {
        out << (i ? ", " : "") << std::fixed << std::setprecision(3) << values[i];
    }
    out << "],\n";
    out << indent << "    \"unit\": \"" << JsonEscape(unit) << "\"\n";
    out << indent << "}";
}
} // namespace

void ProfilerImpl::EnableProfiling(bool enable)
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    m_Enabled = enable;
}

bool ProfilerImpl::IsProfilingEnabled() const
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    return m_Enabled;
}

void ProfilerImpl::RecordInference(double totalMicroseconds, std::vector<WorkloadTiming> workloads)
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    m_Inferences.push_back({totalMicroseconds, std::move(workloads)});
}

size_t ProfilerImpl::GetNumInferences() const
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    return m_Inferences.size();
}

double ProfilerImpl::GetCounterMean(const std::string& name) const
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    double sum = 0;
    for (const Inference& inference : m_Inferences)
    {
        for (const WorkloadTiming& w : inference.m_Workloads)
        {
            for (const Counter& c : w.m_Counters)
            {
                sum += c.m_Name == name ? c.m_Value : 0.0;
            }
        }
    }
    return m_Inferences.empty() ? 0.0 : sum / static_cast<double>(m_Inferences.size());
}

void ProfilerImpl::Print(std::ostream& out) const
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    int counter = 0;
    out << "{\n    \"ArmNN\": {\n";
    out << "        \"inference_measurements_#" << counter++ << "\": {\n";
    out << "            \"type\": \"Event\",\n";
    std::vector<double> totals;
    for (const Inference& inference : m_Inferences)
    {
        totals.push_back(inference.m_TotalMicroseconds);
    }
    WriteRaw(out, totals, "            ", counter);
    // Counter totals per inference, in the order the counters first appear.
    std::vector<std::pair<std::string, std::string>> counterNames;
    for (const Inference& inference : m_Inferences)
    {
        for (const WorkloadTiming& w : inference.m_Workloads)
        {
            for (const Counter& c : w.m_Counters)
            {
                if (std::none_of(counterNames.begin(), counterNames.end(),
                                 [&c](const auto& n) { return n.first == c.m_Name; }))
                {
                    counterNames.emplace_back(c.m_Name, c.m_Unit);
                }
            }
        }
    }
    for (const auto& name : counterNames)
    {
        std::vector<double> sums;
        for (const Inference& inference : m_Inferences)
        {
            double sum = 0;
            for (const WorkloadTiming& w : inference.m_Workloads)
            {
                for (const Counter& c : w.m_Counters)
                {
                    sum += c.m_Name == name.first ? c.m_Value : 0.0;
                }
            }
            sums.push_back(sum);
        }
        out << ",\n";
        WriteRaw(out, sums, "            ", counter, name.first, name.second);
    }

    // Every inference runs the same workloads in the same order; group by position.
    const size_t numWorkloads = m_Inferences.empty() ? 0 : m_Inferences.front().m_Workloads.size();
    for (size_t w = 0; w < numWorkloads; ++w)
    {
        const WorkloadTiming& first = m_Inferences.front().m_Workloads[w];
        std::vector<double> values;
        for (const Inference& inference : m_Inferences)
        {
            if (w < inference.m_Workloads.size())
            {
                values.push_back(inference.m_Workloads[w].m_Microseconds);
            }
        }
        out << ",\n";
        out << "            \"" << JsonEscape(first.m_Backend + first.m_LayerType) << "Workload_Execute_#" << counter++
            << "\": {\n";
        out << "                \"type\": \"Event\",\n";
        out << "                \"backend\": \"" << JsonEscape(first.m_Backend) << "\",\n";
        out << "                \"layer_name\": \"" << JsonEscape(first.m_LayerName) << "\",\n";
        out << "                \"layer_type\": \"" << JsonEscape(first.m_LayerType) << "\",\n";
        out << "                \"layer_guid\": " << first.m_LayerGuid << ",\n";
        WriteRaw(out, values, "                ", counter);
        for (size_t c = 0; c < first.m_Counters.size(); ++c)
        {
            std::vector<double> figures;
            for (const Inference& inference : m_Inferences)
            {
                if (w < inference.m_Workloads.size() && c < inference.m_Workloads[w].m_Counters.size())
                {
                    figures.push_back(inference.m_Workloads[w].m_Counters[c].m_Value);
                }
            }
            out << ",\n";
            WriteRaw(out, figures, "                ", counter, first.m_Counters[c].m_Name, first.m_Counters[c].m_Unit);
        }
        out << "\n            }";
    }
    out << "\n        }\n    }\n}\n";
}

void ProfilerImpl::AnalyzeEventsAndWriteResults(std::ostream& out) const
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    struct Stats
    {
        size_t m_Count = 0;
        double m_Sum = 0;
        double m_Min = 1e300;
        double m_Max = 0;
    };
    std::vector<std::string> order;
    std::map<std::string, Stats> stats;
    auto add = [&](const std::string& name, double us) {
        if (stats.find(name) == stats.end())
        {
            order.push_back(name);
        }
        Stats& s = stats[name];
        ++s.m_Count;
        s.m_Sum += us;
        s.m_Min = std::min(s.m_Min, us);
        s.m_Max = std::max(s.m_Max, us);
    };
    for (const Inference& inference : m_Inferences)
    {
        add("EnqueueWorkload", inference.m_TotalMicroseconds);
        for (const WorkloadTiming& w : inference.m_Workloads)
        {
            add(w.m_Backend + " " + w.m_LayerType + " '" + w.m_LayerName + "'", w.m_Microseconds);
        }
    }
    out << std::left << std::setw(60) << "Event" << std::right << std::setw(8) << "Count" << std::setw(14)
        << "Mean (us)" << std::setw(14) << "Min (us)" << std::setw(14) << "Max (us)" << "\n";
    for (const std::string& name : order)
    {
        const Stats& s = stats[name];
        out << std::left << std::setw(60) << name << std::right << std::setw(8) << s.m_Count << std::fixed
            << std::setprecision(3) << std::setw(14) << s.m_Sum / static_cast<double>(s.m_Count) << std::setw(14)
            << s.m_Min << std::setw(14) << s.m_Max << "\n";
    }
}

void ProfilerImpl::WriteChromeTrace(std::ostream& out) const
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    out << "{\"traceEvents\": [";
    bool first = true;
    double clock = 0;
    for (size_t i = 0; i < m_Inferences.size(); ++i)
    {
        const Inference& inference = m_Inferences[i];
        out << (first ? "" : ",") << "\n  {\"name\": \"EnqueueWorkload #" << i
            << "\", \"ph\": \"X\", \"pid\": 1, \"tid\": 1, \"ts\": " << std::fixed << std::setprecision(3) << clock
            << ", \"dur\": " << inference.m_TotalMicroseconds << "}";
        first = false;
        double t = clock;
        for (const WorkloadTiming& w : inference.m_Workloads)
        {
            out << ",\n  {\"name\": \"" << JsonEscape(w.m_LayerName.empty() ? w.m_LayerType : w.m_LayerName)
                << "\", \"cat\": \"" << JsonEscape(w.m_Backend) << "\", \"ph\": \"X\", \"pid\": 1, \"tid\": 2, \"ts\": "
                << t << ", \"dur\": " << w.m_Microseconds << ", \"args\": {\"type\": \"" << JsonEscape(w.m_LayerType)
                << "\", \"backend\": \"" << JsonEscape(w.m_Backend) << "\"}}";
            t += w.m_Microseconds;
        }
        clock += inference.m_TotalMicroseconds;
    }
    out << "\n], \"displayTimeUnit\": \"ms\"}\n";
}

// IProfiler

IProfiler::IProfiler() : pProfilerImpl(new ProfilerImpl()) {}
IProfiler::~IProfiler() = default;

void IProfiler::EnableProfiling(bool enableProfiling)
{
    pProfilerImpl->EnableProfiling(enableProfiling);
}

bool IProfiler::IsProfilingEnabled()
{
    return pProfilerImpl->IsProfilingEnabled();
}

double IProfiler::GetCounterMean(const std::string& name) const
{
    return pProfilerImpl->GetCounterMean(name);
}

void IProfiler::AnalyzeEventsAndWriteResults(std::ostream& outStream) const
{
    pProfilerImpl->AnalyzeEventsAndWriteResults(outStream);
}

void IProfiler::Print(std::ostream& outStream) const
{
    pProfilerImpl->Print(outStream);
}

void IProfiler::EnableNetworkDetailsToStdOut(ProfilingDetailsMethod)
{}

} // namespace armnn
