#pragma once

#include "../Exceptions.hpp"

#include <limits>
#include <type_traits>

namespace armnn
{
/// static_cast that throws when the value does not fit the destination type.
template <typename Dest, typename Source>
Dest numeric_cast(Source source)
{
    if constexpr (std::is_integral<Dest>::value && std::is_integral<Source>::value)
    {
        if constexpr (std::is_signed<Source>::value && !std::is_signed<Dest>::value)
        {
            if (source < 0)
            {
                throw InvalidArgumentException("numeric_cast: negative value to unsigned type");
            }
        }
        using Common = typename std::conditional<std::is_signed<Source>::value, long long, unsigned long long>::type;
        if (static_cast<Common>(source) > static_cast<Common>(std::numeric_limits<Dest>::max()) ||
            (std::is_signed<Source>::value && std::is_signed<Dest>::value &&
             static_cast<long long>(source) < static_cast<long long>(std::numeric_limits<Dest>::lowest())))
        {
            throw InvalidArgumentException("numeric_cast: value out of range of the destination type");
        }
    }
    return static_cast<Dest>(source);
}
} // namespace armnn
