#pragma once

namespace armnn
{
/// Marks parameters a function accepts but does not use.
template <typename... Ts>
inline void IgnoreUnused(Ts&&...)
{}
} // namespace armnn
