//
// Optional<T>, as Arm NN's: also works for reference types (Optional<std::string&>),
// which std::optional does not.
//
#pragma once

#include "Exceptions.hpp"

#include <new>
#include <type_traits>
#include <utility>

namespace armnn
{

/// Tag that constructs an empty Optional.
struct EmptyOptional
{};

/// Tag that asks for in-place construction.
struct ConstructInPlace
{
    explicit ConstructInPlace() = default;
};
#define CONSTRUCT_IN_PLACE armnn::ConstructInPlace{}

template <typename T>
class Optional final
{
public:
    using Type = T;

    Optional() noexcept = default;
    Optional(EmptyOptional) noexcept {}
    Optional(const T& value) : m_HasValue(true) { new (&m_Storage) T(value); }
    Optional(T&& value) : m_HasValue(true) { new (&m_Storage) T(std::move(value)); }
    template <class... Args>
    explicit Optional(ConstructInPlace, Args&&... args) : m_HasValue(true)
    {
        new (&m_Storage) T(std::forward<Args>(args)...);
    }

    Optional(const Optional& other) : m_HasValue(false)
    {
        if (other.m_HasValue)
        {
            new (&m_Storage) T(other.value());
            m_HasValue = true;
        }
    }
    Optional(Optional&& other) : m_HasValue(false)
    {
        if (other.m_HasValue)
        {
            new (&m_Storage) T(std::move(other.value()));
            m_HasValue = true;
        }
    }
    Optional& operator=(const Optional& other)
    {
        if (this != &other)
        {
            reset();
            if (other.m_HasValue)
            {
                new (&m_Storage) T(other.value());
                m_HasValue = true;
            }
        }
        return *this;
    }
    Optional& operator=(Optional&& other)
    {
        if (this != &other)
        {
            reset();
            if (other.m_HasValue)
            {
                new (&m_Storage) T(std::move(other.value()));
                m_HasValue = true;
            }
        }
        return *this;
    }
    Optional& operator=(EmptyOptional)
    {
        reset();
        return *this;
    }
    ~Optional() { reset(); }

    bool has_value() const noexcept { return m_HasValue; }
    operator bool() const noexcept { return m_HasValue; }

    /// @throws BadOptionalAccessException when empty.
    T& value()
    {
        Check();
        return *std::launder(reinterpret_cast<T*>(&m_Storage));
    }
    const T& value() const
    {
        Check();
        return *std::launder(reinterpret_cast<const T*>(&m_Storage));
    }
    T value_or(const T& fallback) const { return m_HasValue ? value() : fallback; }

    void reset()
    {
        if (m_HasValue)
        {
            value().~T();
            m_HasValue = false;
        }
    }

    bool operator==(const Optional& other) const
    {
        if (m_HasValue != other.m_HasValue)
        {
            return false;
        }
        return !m_HasValue || value() == other.value();
    }

private:
    void Check() const
    {
        if (!m_HasValue)
        {
            throw BadOptionalAccessException("Optional has no value");
        }
    }

    alignas(T) unsigned char m_Storage[sizeof(T)];
    bool m_HasValue = false;
};

/// Optional of a reference: holds a pointer.
template <typename T>
class Optional<T&> final
{
public:
    using Type = T&;

    Optional() noexcept = default;
    Optional(EmptyOptional) noexcept {}
    Optional(T& value) noexcept : m_Ptr(&value) {}
    template <class... Args>
    explicit Optional(ConstructInPlace, T& value) noexcept : m_Ptr(&value) {}

    bool has_value() const noexcept { return m_Ptr != nullptr; }
    operator bool() const noexcept { return m_Ptr != nullptr; }

    T& value() const
    {
        if (m_Ptr == nullptr)
        {
            throw BadOptionalAccessException("Optional has no value");
        }
        return *m_Ptr;
    }
    void reset() noexcept { m_Ptr = nullptr; }

private:
    T* m_Ptr = nullptr;
};

template <typename T, class... Args>
Optional<T> MakeOptional(Args&&... args)
{
    return Optional<T>(CONSTRUCT_IN_PLACE, std::forward<Args>(args)...);
}

} // namespace armnn
