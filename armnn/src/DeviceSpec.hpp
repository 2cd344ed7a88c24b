#pragma once

#include <armnn/Logging.hpp>
#include <armnn/Types.hpp>
#include <armnn/backends/IBackendInternal.hpp>

#include <map>
#include <mutex>
#include <string>

namespace armnn
{

/// The backends one runtime loaded, by id. Optimize reads the backends from it.
///
/// A backend's availability (IBackendContext::IsAvailable) is asked the first time the backend is wanted: when a
/// preference list names it (GetBackend) or when every backend is listed (GetSupportedBackends). Asking may be
/// costly: GpuAcc opens the OpenCL platform, which maps the driver (PoCL: about 63 MB and its worker threads),
/// so a process that never names GpuAcc never pays for it. An unavailable backend is then skipped with its reason
/// in the log, as a broken plugin is at IRuntime::Create.
class DeviceSpec final : public IDeviceSpec
{
public:
    /// `path`: the plugin file, for the log. The backend and context outlive this object.
    void Add(IBackendInternal* backend, const IBackendContext* context, const std::string& path)
    {
        m_Entries[backend->GetId()] = {backend, context, path, State::Unknown};
    }

    const BackendIdSet& GetSupportedBackends() const override
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        if (!m_AllResolved)
        {
            for (auto& [id, entry] : m_Entries)
            {
                if (Resolve(id, entry))
                {
                    m_Ids.insert(id);
                }
            }
            m_AllResolved = true;
        }
        return m_Ids;
    }

    /// Null when the runtime has no such backend or the backend is unavailable here.
    IBackendInternal* GetBackend(const BackendId& id) const
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        auto it = m_Entries.find(id);
        return it != m_Entries.end() && Resolve(id, it->second) ? it->second.m_Backend : nullptr;
    }

private:
    enum class State
    {
        Unknown,
        Available,
        Unavailable
    };
    struct Entry
    {
        IBackendInternal* m_Backend;
        const IBackendContext* m_Context;
        std::string m_Path;
        State m_State;
    };

    /// Asks the backend once; called with m_Mutex held.
    static bool Resolve(const BackendId& id, Entry& entry)
    {
        if (entry.m_State == State::Unknown)
        {
            std::string reason;
            bool available = false;
            try
            {
                available = entry.m_Context == nullptr || entry.m_Context->IsAvailable(reason);
            }
            catch (const std::exception& e)
            {
                reason = e.what();
            }
            if (!available)
            {
                ARMNN_LOG(warning) << "Skipping backend plugin " << entry.m_Path << ": backend " << id
                                   << " is unavailable: " << reason;
            }
            entry.m_State = available ? State::Available : State::Unavailable;
        }
        return entry.m_State == State::Available;
    }

    mutable std::mutex m_Mutex;
    mutable std::map<BackendId, Entry> m_Entries;
    mutable BackendIdSet m_Ids;
    mutable bool m_AllResolved = false;
};

} // namespace armnn
