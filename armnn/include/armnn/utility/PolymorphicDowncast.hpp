#pragma once

#include "../Exceptions.hpp"

namespace armnn
{
/// static_cast of a base-class pointer to a derived one; checked with dynamic_cast in debug builds.
template <typename DestType, typename SourceType>
DestType PolymorphicDowncast(SourceType* value)
{
#ifndef NDEBUG
    if (value != nullptr && dynamic_cast<DestType>(value) == nullptr)
    {
        throw PolymorphicDowncastException("PolymorphicDowncast: wrong type");
    }
#endif
    return static_cast<DestType>(value);
}
} // namespace armnn
