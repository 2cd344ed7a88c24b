//
// Named options for one backend: network options, model options, runtime options and backend capabilities.
//
#pragma once

#include "BackendId.hpp"

#include <cassert>
#include <string>
#include <type_traits>
#include <vector>

namespace armnn
{

struct BackendOptions;
using NetworkOptions = std::vector<BackendOptions>;
using ModelOptions = std::vector<BackendOptions>;
using BackendCapabilities = BackendOptions;

struct BackendOptions
{
private:
    template <typename T>
    struct CheckAllowed
    {
        static const bool value = std::is_same<T, int>::value || std::is_same<T, unsigned int>::value ||
                                  std::is_same<T, float>::value || std::is_same<T, bool>::value ||
                                  std::is_same<T, std::string>::value || std::is_same<T, const char*>::value;
    };

public:
    /// A value of one of the allowed types: int, unsigned int, float, bool, string.
    class Var
    {
    public:
        explicit Var(int i) : m_Vals(i), m_Type(VarTypes::Integer) {}
        explicit Var(unsigned int u) : m_Vals(u), m_Type(VarTypes::UnsignedInteger) {}
        explicit Var(float f) : m_Vals(f), m_Type(VarTypes::Float) {}
        explicit Var(bool b) : m_Vals(b), m_Type(VarTypes::Boolean) {}
        explicit Var(const char* s) : m_Vals(s), m_Type(VarTypes::String) {}
        explicit Var(std::string s) : m_Vals(s), m_Type(VarTypes::String) {}

        template <typename DisallowedType>
        Var(DisallowedType)
        {
            static_assert(CheckAllowed<DisallowedType>::value, "Type is not allowed for Var<DisallowedType>.");
            assert(false && "Unreachable code");
        }

        Var(const Var& other) : m_Type(other.m_Type) { CopyFrom(other); }
        Var& operator=(const Var& other)
        {
            if (this != &other)
            {
                Destroy();
                m_Type = other.m_Type;
                CopyFrom(other);
            }
            return *this;
        }
        ~Var() { Destroy(); }

        bool IsBool() const { return m_Type == VarTypes::Boolean; }
        bool IsInt() const { return m_Type == VarTypes::Integer; }
        bool IsUnsignedInt() const { return m_Type == VarTypes::UnsignedInteger; }
        bool IsFloat() const { return m_Type == VarTypes::Float; }
        bool IsString() const { return m_Type == VarTypes::String; }

        bool AsBool() const { return m_Vals.b; }
        int AsInt() const { return m_Vals.i; }
        unsigned int AsUnsignedInt() const { return m_Vals.u; }
        float AsFloat() const { return m_Vals.f; }
        std::string AsString() const { return m_Vals.s; }

        std::string ToString() const
        {
            switch (m_Type)
            {
                case VarTypes::Boolean: return m_Vals.b ? "true" : "false";
                case VarTypes::Integer: return std::to_string(m_Vals.i);
                case VarTypes::UnsignedInteger: return std::to_string(m_Vals.u);
                case VarTypes::Float: return std::to_string(m_Vals.f);
                case VarTypes::String: return m_Vals.s;
            }
            return "";
        }

    private:
        void CopyFrom(const Var& other)
        {
            switch (other.m_Type)
            {
                case VarTypes::Boolean: m_Vals.b = other.m_Vals.b; break;
                case VarTypes::Integer: m_Vals.i = other.m_Vals.i; break;
                case VarTypes::UnsignedInteger: m_Vals.u = other.m_Vals.u; break;
                case VarTypes::Float: m_Vals.f = other.m_Vals.f; break;
                case VarTypes::String: new (&m_Vals.s) std::string(other.m_Vals.s); break;
            }
        }
        void Destroy()
        {
            if (m_Type == VarTypes::String)
            {
                using std::string;
                m_Vals.s.~string();
            }
        }

        enum class VarTypes
        {
            Boolean,
            Integer,
            Float,
            String,
            UnsignedInteger
        };

        union Vals
        {
            int i;
            unsigned int u;
            float f;
            bool b;
            std::string s;

            Vals() {}
            ~Vals() {}
            explicit Vals(int i) : i(i) {}
            explicit Vals(unsigned int u) : u(u) {}
            explicit Vals(float f) : f(f) {}
            explicit Vals(bool b) : b(b) {}
            explicit Vals(const char* s) : s(std::string(s)) {}
            explicit Vals(std::string s) : s(s) {}
        };

        Vals m_Vals;
        VarTypes m_Type;
    };

    class BackendOption
    {
    public:
        template <typename T>
        BackendOption(std::string name, T value) : m_Name{name}, m_Value{value}
        {
            static_assert(CheckAllowed<T>::value, "Type is not allowed for BackendOption.");
        }
        BackendOption(const BackendOption& other) = default;
        BackendOption& operator=(const BackendOption& other) = default;

        std::string GetName() const { return m_Name; }
        Var GetValue() const { return m_Value; }

    private:
        std::string m_Name;
        Var m_Value;
    };

    explicit BackendOptions(armnn::BackendId backend) : m_TargetBackend(backend) {}
    BackendOptions(armnn::BackendId backend, std::initializer_list<BackendOption> options)
        : m_TargetBackend(backend), m_Options{options}
    {}
    BackendOptions(const BackendOptions& other) = default;
    BackendOptions& operator=(const BackendOptions& other) = default;

    void AddOption(BackendOption&& option) { m_Options.push_back(option); }
    void AddOption(const BackendOption& option) { m_Options.push_back(option); }

    const armnn::BackendId& BackendId() const noexcept { return m_TargetBackend; }
    size_t GetOptionCount() const noexcept { return m_Options.size(); }
    const BackendOption& GetOption(size_t idx) const { return m_Options.at(idx); }

private:
    armnn::BackendId m_TargetBackend;
    std::vector<BackendOption> m_Options;
};

/// Calls f(name, value) for each option given to backend.
template <typename F>
void ParseOptions(const std::vector<BackendOptions>& options, BackendId backend, F f)
{
    for (auto optionsGroup : options)
    {
        if (optionsGroup.BackendId() == backend)
        {
            for (size_t i = 0; i < optionsGroup.GetOptionCount(); i++)
            {
                const BackendOptions::BackendOption option = optionsGroup.GetOption(i);
                f(option.GetName(), option.GetValue());
            }
        }
    }
}

} // namespace armnn
