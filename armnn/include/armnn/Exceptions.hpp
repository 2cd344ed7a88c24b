//
// The exception types of the public API. Every error a public function reports is one of these;
// the message names the culprit (file, operator index, layer, tensor, backend).
//
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

namespace armnn
{

struct CheckLocation
{
    const char* m_Function;
    const char* m_File;
    unsigned int m_Line;

    CheckLocation(const char* func, const char* file, unsigned int line)
        : m_Function{func}, m_File{file}, m_Line{line}
    {}

    /// " at function X [file:line]"
    std::string AsString() const;
    /// "X@file:line"
    std::string FileLine() const;
};

/// Base class of every exception thrown by the library.
class Exception : public std::exception
{
public:
    explicit Exception(const std::string& message);
    /// Appends the location to the message.
    Exception(const std::string& message, const CheckLocation& location);
    /// Appends the cause's message to this one.
    Exception(const Exception& other, const std::string& message, const CheckLocation& location);

    const char* what() const noexcept override;

private:
    std::string m_Message;
};

#define ARMNN_DECLARE_EXCEPTION(Name) \
    class Name : public Exception \
    { \
    public: \
        using Exception::Exception; \
    };

ARMNN_DECLARE_EXCEPTION(ClRuntimeUnavailableException)
ARMNN_DECLARE_EXCEPTION(InvalidArgumentException)
ARMNN_DECLARE_EXCEPTION(FileNotFoundException)
ARMNN_DECLARE_EXCEPTION(ParseException)
ARMNN_DECLARE_EXCEPTION(UnimplementedException)
ARMNN_DECLARE_EXCEPTION(LayerValidationException)
ARMNN_DECLARE_EXCEPTION(GraphValidationException)
ARMNN_DECLARE_EXCEPTION(BadOptionalAccessException)
ARMNN_DECLARE_EXCEPTION(RuntimeException)
ARMNN_DECLARE_EXCEPTION(MemoryImportException)
ARMNN_DECLARE_EXCEPTION(MemoryExportException)
ARMNN_DECLARE_EXCEPTION(TimeoutException)
ARMNN_DECLARE_EXCEPTION(PolymorphicDowncastException)
ARMNN_DECLARE_EXCEPTION(NullPointerException)
ARMNN_DECLARE_EXCEPTION(BackendCapabilityException)
ARMNN_DECLARE_EXCEPTION(MemoryValidationException)

#undef ARMNN_DECLARE_EXCEPTION

class BackendUnavailableException : public Exception
{
public:
    using Exception::Exception;
};

/// Thrown when a value does not fit the type it is converted to.
class WrongDataTypeException : public Exception
{
public:
    using Exception::Exception;
};

template <typename ExceptionType>
void ConditionalThrow(bool condition, const std::string& message)
{
    if (!condition)
    {
        throw ExceptionType(message);
    }
}

template <typename ExceptionType, typename ComparedType>
void ConditionalThrowIfNotEqual(const std::string& message, const ComparedType& leftHandSide,
                                const ComparedType& rightHandSide)
{
    if (!(leftHandSide == rightHandSide))
    {
        std::stringstream ss;
        ss << message << " : " << leftHandSide << " != " << rightHandSide;
        throw ExceptionType(ss.str());
    }
}

} // namespace armnn

#define CHECK_LOCATION() armnn::CheckLocation(__func__, __FILE__, __LINE__)
