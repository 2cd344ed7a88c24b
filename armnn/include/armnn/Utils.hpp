#pragma once

#include "Types.hpp"

#include <string>

namespace armnn
{

enum class LogSeverity
{
    Trace,
    Debug,
    Info,
    Warning,
    Error,
    Fatal
};

/// Chooses where log lines go and the lowest severity written. The default is standard output, Warning.
void ConfigureLogging(bool printToStandardOutput, bool printToDebugOutput, LogSeverity severity);

/// Whether this build uses the Arm NEON instruction set (never: our CPU kernels dispatch at run time).
constexpr bool NeonDetected()
{
    return false;
}

/// The library version, "MAJOR.MINOR.PATCH".
const std::string GetVersion();

} // namespace armnn
