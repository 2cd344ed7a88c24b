//
// BackendId names a backend ("CpuRef", "CpuAcc", "GpuAcc", "Npu", ...).
//
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

namespace armnn
{

enum class Compute;

/// Returns "CpuRef", "CpuAcc", "GpuAcc" or "Unknown".
const char* GetComputeDeviceAsCString(Compute compute);

class BackendId final
{
public:
    BackendId() : m_Id("Unknown") {}
    BackendId(const std::string& id) : m_Id{id} {}
    BackendId(const char* id) : m_Id{id} {}
    BackendId(Compute compute);

    bool IsCpuRef() const { return m_Id == "CpuRef"; }
    bool IsCpuAcc() const { return m_Id == "CpuAcc"; }
    bool IsUndefined() const { return m_Id == "Undefined"; }
    bool IsEmpty() const { return m_Id.empty(); }

    bool operator==(const BackendId& other) const { return m_Id == other.m_Id; }
    bool operator!=(const BackendId& other) const { return !(*this == other); }
    bool operator<(const BackendId& other) const { return m_Id < other.m_Id; }

    const std::string& Get() const { return m_Id; }

private:
    std::string m_Id;
};

inline std::ostream& operator<<(std::ostream& os, const BackendId& id)
{
    os << id.Get();
    return os;
}

template <template <typename...> class TContainer, typename... TContainerTemplateArgs>
std::ostream& operator<<(std::ostream& os, const TContainer<BackendId, TContainerTemplateArgs...>& ids)
{
    os << '[';
    bool first = true;
    for (const auto& id : ids)
    {
        if (!first)
        {
            os << ", ";
        }
        os << id;
        first = false;
    }
    os << ']';
    return os;
}

} // namespace armnn

namespace std
{
template <>
struct hash<armnn::BackendId>
{
    std::size_t operator()(const armnn::BackendId& id) const noexcept
    {
        return std::hash<std::string>()(id.Get());
    }
};
} // namespace std

namespace armnn
{
using BackendIdVector = std::vector<BackendId>;
using BackendIdSet = std::unordered_set<BackendId>;
} // namespace armnn
