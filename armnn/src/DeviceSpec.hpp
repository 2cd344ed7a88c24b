#pragma once

#include <armnn/Types.hpp>
#include <armnn/backends/IBackendInternal.hpp>

#include <map>

namespace armnn
{

/// The backends one runtime loaded, by id. Optimize reads the backends from it.
class DeviceSpec final : public IDeviceSpec
{
public:
    void Add(IBackendInternal* backend)
    {
        m_Ids.insert(backend->GetId());
        m_Backends[backend->GetId()] = backend;
    }

    const BackendIdSet& GetSupportedBackends() const override { return m_Ids; }

    /// Null when the runtime has no such backend.
    IBackendInternal* GetBackend(const BackendId& id) const
    {
        auto it = m_Backends.find(id);
        return it == m_Backends.end() ? nullptr : it->second;
    }

private:
    BackendIdSet m_Ids;
    std::map<BackendId, IBackendInternal*> m_Backends;
};

} // namespace armnn
