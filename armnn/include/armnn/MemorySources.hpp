//
// Kinds of memory that a backend can import or export without copying.
//
#pragma once

#include <cstdint>
#include <type_traits>

namespace armnn
{

using MemorySourceFlags = unsigned int;

enum class MemorySource : uint32_t
{
    Undefined = 0,
    Malloc = 1,
    DmaBuf = 2,
    DmaBufProtected = 4,
    Gralloc = 8
};

inline MemorySourceFlags operator|(MemorySource a, MemorySource b)
{
    return static_cast<MemorySourceFlags>(a) | static_cast<MemorySourceFlags>(b);
}

} // namespace armnn
