//
// Finds backend plugins in the plugin directories, checks them, and creates one instance of each backend
// for a runtime. A plugin that fails any check is skipped with a logged reason; the others still load.
//
#pragma once

#include <armnn/IRuntime.hpp>
#include <armnn/backends/IBackendInternal.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace armnn
{

struct LoadedBackend
{
    std::string m_Path;
    std::unique_ptr<IBackendInternal> m_Backend;
    std::unique_ptr<IBackendContext> m_Context;
};

struct SkippedPlugin
{
    std::string m_Path;
    std::string m_Reason;
};

struct PluginScanResult
{
    std::vector<LoadedBackend> m_Backends;
    std::vector<SkippedPlugin> m_Skipped;
};

/// The directories searched, in order: the one installed beside libarmnn (unless ARMNN_NO_DEFAULT_BACKENDS is
/// set to 1), those in optionPaths (colon-separated), those in ARMNN_DYNAMIC_BACKEND_PATHS.
std::vector<std::string> GetPluginDirectories(const std::string& optionPaths);

/// The directory installed beside libarmnn: <libdir>/armnn/backends.
std::string GetDefaultPluginDirectory();

/// Loads every plugin file (<Vendor>_<Name>_backend.so) in the directories and creates each backend's context.
/// When two plugins give the same backend id, the first found wins. Whether a backend is available here is not
/// asked yet (DeviceSpec asks when the backend is first wanted).
PluginScanResult LoadBackendPlugins(const std::vector<std::string>& directories,
                                    const IRuntime::CreationOptions& options);

/// Why a file may not be loaded as a plugin, or "" when it may (the trust rule, docs/backend-plugins.md).
std::string CheckPluginTrust(const std::string& path);

} // namespace armnn
