//
// The library's one logger. Library code writes ARMNN_LOG(info) << ...; never to std::cout directly.
//
#pragma once

#include "Utils.hpp"

#include <functional>
#include <sstream>
#include <string>

namespace armnn
{

/// Lower-case severity names used by ARMNN_LOG(severity).
enum class BoostLogSeverityMapping
{
    trace,
    debug,
    info,
    warning,
    error,
    fatal
};

constexpr LogSeverity ConvertLogSeverity(BoostLogSeverityMapping severity)
{
    return static_cast<LogSeverity>(severity);
}

/// Receives each log line that passes the severity filter. Thread-safe to call.
using LogSink = std::function<void(LogSeverity severity, const std::string& message)>;

/// Replaces the destinations chosen by ConfigureLogging with one callback (empty: back to standard output).
void SetLogSink(LogSink sink);

/// True when a message of this severity would be written.
bool IsLogEnabled(LogSeverity severity);

/// Writes a message to the sinks, thread-safely.
void WriteLog(LogSeverity severity, const std::string& message);

/// One log line, written when it goes out of scope.
class ScopedRecord
{
public:
    explicit ScopedRecord(LogSeverity severity) : m_Severity(severity) {}
    ~ScopedRecord() { WriteLog(m_Severity, m_Stream.str()); }
    ScopedRecord(const ScopedRecord&) = delete;
    ScopedRecord& operator=(const ScopedRecord&) = delete;

    template <typename T>
    ScopedRecord& operator<<(const T& value)
    {
        m_Stream << value;
        return *this;
    }

private:
    LogSeverity m_Severity;
    std::ostringstream m_Stream;
};

} // namespace armnn

#define ARMNN_LOG(severity) \
    if (!armnn::IsLogEnabled(armnn::ConvertLogSeverity(armnn::BoostLogSeverityMapping::severity))) \
    { \
    } \
    else \
        armnn::ScopedRecord(armnn::ConvertLogSeverity(armnn::BoostLogSeverityMapping::severity))
