#include "BackendRegistry.hpp"

#include <armnn/Logging.hpp>

#include <dirent.h>
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <regex>
#include <set>
#include <unordered_map>

namespace armnn
{

namespace
{

std::vector<std::string> SplitPaths(const std::string& paths)
{
    std::vector<std::string> result;
    size_t start = 0;
    while (start <= paths.size())
    {
        const size_t end = paths.find(':', start);
        const std::string part = paths.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty())
        {
            result.push_back(part);
        }
        if (end == std::string::npos)
        {
            break;
        }
        start = end + 1;
    }
    return result;
}

std::string DirectoryOf(const std::string& path)
{
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
}

/// Plugins stay loaded for the life of the process: objects they created (compiled blobs, workloads held by an
/// optimized network) may outlive the runtime that loaded them, and their code must outlive those objects.
class PluginLibraries
{
public:
    static PluginLibraries& Instance()
    {
        static PluginLibraries instance;
        return instance;
    }

    /// Returns the handle, or null with the dlerror text in error.
    void* Open(const std::string& realPath, std::string& error)
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        auto it = m_Handles.find(realPath);
        if (it != m_Handles.end())
        {
            return it->second;
        }
        dlerror();
        void* handle = dlopen(realPath.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr)
        {
            const char* text = dlerror();
            error = text ? text : "unknown dlopen error";
            return nullptr;
        }
        m_Handles[realPath] = handle;
        return handle;
    }

private:
    std::mutex m_Mutex;
    std::unordered_map<std::string, void*> m_Handles;
};

bool IsPluginFileName(const std::string& name)
{
    static const std::regex pattern("^[A-Za-z0-9]+_[A-Za-z0-9]+_backend\\.so(\\.[0-9]+)*$");
    return std::regex_match(name, pattern);
}

template <typename Fn>
Fn LookUp(void* handle, const char* symbol)
{
    dlerror();
    void* address = dlsym(handle, symbol);
    return reinterpret_cast<Fn>(address);
}

} // namespace

std::string GetDefaultPluginDirectory()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&GetDefaultPluginDirectory), &info) == 0 || info.dli_fname == nullptr)
    {
        return "";
    }
    char resolved[PATH_MAX];
    if (realpath(info.dli_fname, resolved) == nullptr)
    {
        return "";
    }
    return DirectoryOf(resolved) + "/armnn/backends";
}

std::vector<std::string> GetPluginDirectories(const std::string& optionPaths)
{
    std::vector<std::string> directories;
    const char* noDefault = std::getenv("ARMNN_NO_DEFAULT_BACKENDS");
    if (!(noDefault && std::string(noDefault) == "1"))
    {
        const std::string defaultDir = GetDefaultPluginDirectory();
        if (!defaultDir.empty())
        {
            directories.push_back(defaultDir);
        }
    }
    for (const std::string& dir : SplitPaths(optionPaths))
    {
        directories.push_back(dir);
    }
    if (const char* env = std::getenv("ARMNN_DYNAMIC_BACKEND_PATHS"))
    {
        for (const std::string& dir : SplitPaths(env))
        {
            directories.push_back(dir);
        }
    }
    return directories;
}

std::string CheckPluginTrust(const std::string& path)
{
    char resolved[PATH_MAX];
    if (realpath(path.c_str(), resolved) == nullptr)
    {
        return std::string("cannot resolve path: ") + std::strerror(errno);
    }
    struct stat fileStat{};
    if (stat(resolved, &fileStat) != 0)
    {
        return std::string("cannot stat file: ") + std::strerror(errno);
    }
    if (!S_ISREG(fileStat.st_mode))
    {
        return "not a regular file";
    }
    if (fileStat.st_mode & S_IWOTH)
    {
        return "file is world-writable";
    }
    if (fileStat.st_uid != 0 && fileStat.st_uid != geteuid())
    {
        return "file is owned by another user (uid " + std::to_string(fileStat.st_uid) + ")";
    }
    const std::string directory = DirectoryOf(resolved);
    struct stat dirStat{};
    if (stat(directory.c_str(), &dirStat) != 0)
    {
        return "cannot stat directory " + directory;
    }
    if (dirStat.st_mode & S_IWOTH)
    {
        return "directory " + directory + " is world-writable";
    }
    return "";
}

PluginScanResult LoadBackendPlugins(const std::vector<std::string>& directories,
                                    const IRuntime::CreationOptions& options)
{
    PluginScanResult result;
    std::set<std::string> seenRealPaths;
    std::set<BackendId> seenIds;

    auto skip = [&result](const std::string& path, const std::string& reason) {
        ARMNN_LOG(warning) << "Skipping backend plugin " << path << ": " << reason;
        result.m_Skipped.push_back({path, reason});
    };

    for (const std::string& directory : directories)
    {
        DIR* dir = opendir(directory.c_str());
        if (dir == nullptr)
        {
            ARMNN_LOG(info) << "Backend plugin directory " << directory << " cannot be read: "
                            << std::strerror(errno);
            continue;
        }
        std::vector<std::string> names;
        while (dirent* entry = readdir(dir))
        {
            names.emplace_back(entry->d_name);
        }
        closedir(dir);
        std::sort(names.begin(), names.end());

        for (const std::string& name : names)
        {
            if (!IsPluginFileName(name))
            {
                continue;
            }
            const std::string path = directory + "/" + name;
            const std::string untrusted = CheckPluginTrust(path);
            if (!untrusted.empty())
            {
                skip(path, "fails the trust rule: " + untrusted);
                continue;
            }
            char resolved[PATH_MAX];
            if (realpath(path.c_str(), resolved) == nullptr)
            {
                skip(path, "cannot resolve path");
                continue;
            }
            if (!seenRealPaths.insert(resolved).second)
            {
                continue; // the same file reached twice (a directory listed twice, a symbolic link)
            }

            std::string error;
            void* handle = PluginLibraries::Instance().Open(resolved, error);
            if (handle == nullptr)
            {
                skip(path, "not a loadable shared object: " + error);
                continue;
            }
            auto getId = LookUp<const char* (*)()>(handle, "GetBackendId");
            auto getVersion = LookUp<void (*)(uint32_t*, uint32_t*)>(handle, "GetVersion");
            auto factory = LookUp<void* (*)()>(handle, "BackendFactory");
            if (!getId || !getVersion || !factory)
            {
                skip(path, std::string("missing entry point ") +
                               (!getId ? "GetBackendId" : !getVersion ? "GetVersion" : "BackendFactory"));
                continue;
            }

            std::string id;
            uint32_t major = 0;
            uint32_t minor = 0;
            try
            {
                const char* idText = getId();
                id = idText ? idText : "";
                getVersion(&major, &minor);
            }
            catch (...)
            {
                skip(path, "GetBackendId or GetVersion threw");
                continue;
            }
            if (id.empty())
            {
                skip(path, "GetBackendId returned an empty id");
                continue;
            }
            const std::string version = std::to_string(major) + "." + std::to_string(minor);
            const std::string coreVersion = std::to_string(CoreBackendApiVersion.m_Major) + "." +
                                            std::to_string(CoreBackendApiVersion.m_Minor);
            if (major != CoreBackendApiVersion.m_Major)
            {
                skip(path, "backend " + id + " was built for backend API " + version +
                               ", whose major version differs from this library's " + coreVersion);
                continue;
            }
            if (minor > CoreBackendApiVersion.m_Minor)
            {
                skip(path, "backend " + id + " was built for backend API " + version +
                               ", newer than this library's " + coreVersion);
                continue;
            }
            if (seenIds.count(id) != 0)
            {
                skip(path, "duplicate backend id " + id + " (already loaded from an earlier plugin)");
                continue;
            }

            std::unique_ptr<IBackendInternal> backend;
            try
            {
                backend.reset(static_cast<IBackendInternal*>(factory()));
            }
            catch (const std::exception& e)
            {
                skip(path, "BackendFactory of " + id + " threw: " + e.what());
                continue;
            }
            catch (...)
            {
                skip(path, "BackendFactory of " + id + " threw");
                continue;
            }
            if (!backend)
            {
                skip(path, "BackendFactory of " + id + " returned null");
                continue;
            }
            if (backend->GetId() != BackendId(id))
            {
                skip(path, "the backend created reports id " + backend->GetId().Get() + " but the plugin says " + id);
                continue;
            }

            // Availability (IBackendContext::IsAvailable) is asked later, when the backend is first wanted
            // (DeviceSpec): opening a device can be costly.
            std::unique_ptr<IBackendContext> context;
            try
            {
                context = backend->CreateBackendContext(options);
                if (!context)
                {
                    skip(path, "backend " + id + " created no context");
                    continue;
                }
            }
            catch (const std::exception& e)
            {
                skip(path, "backend " + id + " is unavailable: " + e.what());
                continue;
            }

            seenIds.insert(id);
            ARMNN_LOG(info) << "Loaded backend " << id << " from " << path;
            result.m_Backends.push_back({path, std::move(backend), std::move(context)});
        }
    }
    return result;
}

} // namespace armnn
