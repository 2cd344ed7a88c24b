#include <armnn/Exceptions.hpp>

namespace armnn
{

std::string CheckLocation::AsString() const
{
    return std::string(" at function ") + m_Function + " [" + m_File + ":" + std::to_string(m_Line) + "]";
}

std::string CheckLocation::FileLine() const
{
    return std::string(m_Function) + "@" + m_File + ":" + std::to_string(m_Line);
}

Exception::Exception(const std::string& message) : m_Message{message} {}

Exception::Exception(const std::string& message, const CheckLocation& location)
    : m_Message{message + location.AsString()}
{}

Exception::Exception(const Exception& other, const std::string& message, const CheckLocation& location)
    : m_Message{message + location.AsString() + "\n" + other.what()}
{}

const char* Exception::what() const noexcept
{
    return m_Message.c_str();
}

} // namespace armnn
