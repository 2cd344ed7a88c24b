#include <armnn/Logging.hpp>
#include <armnn/Version.hpp>

#include <atomic>
#include <iostream>
#include <mutex>

namespace armnn
{

namespace
{
struct LogState
{
    std::mutex m_Mutex;
    std::atomic<int> m_MinSeverity{static_cast<int>(LogSeverity::Warning)};
    bool m_ToStdout = true;
    LogSink m_Sink;
};

LogState& State()
{
    static LogState state;
    return state;
}

const char* SeverityName(LogSeverity severity)
{
    switch (severity)
    {
        case LogSeverity::Trace: return "Trace";
        case LogSeverity::Debug: return "Debug";
        case LogSeverity::Info: return "Info";
        case LogSeverity::Warning: return "Warning";
        case LogSeverity::Error: return "Error";
        case LogSeverity::Fatal: return "Fatal";
    }
    return "";
}
} // namespace

void ConfigureLogging(bool printToStandardOutput, bool printToDebugOutput, LogSeverity severity)
{
    (void)printToDebugOutput; // no separate debug channel on Linux
    LogState& state = State();
    std::lock_guard<std::mutex> lock(state.m_Mutex);
    state.m_ToStdout = printToStandardOutput;
    state.m_MinSeverity = static_cast<int>(severity);
}

void SetLogSink(LogSink sink)
{
    LogState& state = State();
    std::lock_guard<std::mutex> lock(state.m_Mutex);
    state.m_Sink = std::move(sink);
}

bool IsLogEnabled(LogSeverity severity)
{
    return static_cast<int>(severity) >= State().m_MinSeverity.load(std::memory_order_relaxed);
}

void WriteLog(LogSeverity severity, const std::string& message)
{
    LogState& state = State();
    std::lock_guard<std::mutex> lock(state.m_Mutex);
    if (state.m_Sink)
    {
        state.m_Sink(severity, message);
    }
    else if (state.m_ToStdout)
    {
        std::cout << SeverityName(severity) << ": " << message << std::endl;
    }
}

const std::string GetVersion()
{
    return ARMNN_VERSION;
}

} // namespace armnn
