#include "TensorFiles.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <sstream>

namespace
{

/// Calls f with a value of the C++ element type of a data type (its value is irrelevant).
template <typename F>
auto WithElementType(armnn::DataType type, F&& f)
{
    using armnn::DataType;
    switch (type)
    {
        case DataType::Float32: return f(float{});
        case DataType::QAsymmU8: return f(uint8_t{});
        case DataType::QAsymmS8:
        case DataType::QSymmS8: return f(int8_t{});
        case DataType::QSymmS16: return f(int16_t{});
        case DataType::Signed32: return f(int32_t{});
        case DataType::Signed64: return f(int64_t{});
        case DataType::Boolean: return f(bool{});
        default:
            throw armnn::InvalidArgumentException(std::string("ExecuteNetwork does not support tensors of type ") +
                                                  armnn::GetDataTypeName(type));
    }
}

bool EndsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

float QuantScale(const armnn::TensorInfo& info)
{
    if (info.HasMultipleQuantizationScales())
    {
        throw armnn::InvalidArgumentException("ExecuteNetwork does not support per-axis quantized inputs or outputs");
    }
    return info.GetQuantizationScale();
}

// ---- .npy (format versions 1 to 3: magic, version, header length, a Python dict literal, raw data)

/// The .npy descr of a stored element type, little-endian.
const char* NpyDescr(armnn::DataType type)
{
    return WithElementType(type, [](auto v) -> const char* {
        using T = decltype(v);
        if constexpr (std::is_same_v<T, float>) return "<f4";
        else if constexpr (std::is_same_v<T, uint8_t>) return "|u1";
        else if constexpr (std::is_same_v<T, int8_t>) return "|i1";
        else if constexpr (std::is_same_v<T, int16_t>) return "<i2";
        else if constexpr (std::is_same_v<T, int32_t>) return "<i4";
        else if constexpr (std::is_same_v<T, int64_t>) return "<i8";
        else return "|b1";
    });
}

std::string HeaderField(const std::string& header, const std::string& key, const std::string& path)
{
    const size_t at = header.find("'" + key + "'");
    const size_t colon = at == std::string::npos ? at : header.find(':', at);
    if (colon == std::string::npos)
    {
        throw armnn::ParseException(path + ": .npy header has no '" + key + "'");
    }
    size_t start = header.find_first_not_of(' ', colon + 1);
    size_t end = start;
    if (header[start] == '(')
    {
        end = header.find(')', start) + 1;
    }
    else
    {
        end = header.find_first_of(",}", start);
    }
    std::string value = header.substr(start, end - start);
    if (!value.empty() && value.front() == '\'')
    {
        value = value.substr(1, value.size() - 2);
    }
    return value;
}

template <typename T>
void AppendRaw(const char* data, size_t count, std::vector<double>& values)
{
    for (size_t i = 0; i < count; ++i)
    {
        T v;
        std::memcpy(&v, data + i * sizeof(T), sizeof(T));
        values.push_back(static_cast<double>(v));
    }
}

std::vector<double> ReadNpy(const std::string& path, const std::string& content)
{
    if (content.size() < 10 || content.compare(0, 6, "\x93NUMPY") != 0)
    {
        throw armnn::ParseException(path + ": not a .npy file (no \\x93NUMPY magic)");
    }
    const unsigned major = static_cast<unsigned char>(content[6]);
    size_t headerLength = 0;
    size_t headerStart = 0;
    if (major == 1)
    {
        headerLength = static_cast<unsigned char>(content[8]) | (static_cast<unsigned char>(content[9]) << 8);
        headerStart = 10;
    }
    else if ((major == 2 || major == 3) && content.size() >= 12)
    {
        for (int i = 3; i >= 0; --i)
        {
            headerLength = (headerLength << 8) | static_cast<unsigned char>(content[8 + static_cast<size_t>(i)]);
        }
        headerStart = 12;
    }
    else
    {
        throw armnn::ParseException(path + ": unsupported .npy version " + std::to_string(major));
    }
    if (headerStart + headerLength > content.size())
    {
        throw armnn::ParseException(path + ": truncated .npy header");
    }
    const std::string header = content.substr(headerStart, headerLength);
    const std::string descr = HeaderField(header, "descr", path);
    const std::string fortran = HeaderField(header, "fortran_order", path);
    const std::string shape = HeaderField(header, "shape", path);

    size_t count = 1;
    std::string digits;
    for (char c : shape + ",")
    {
        if (c >= '0' && c <= '9')
        {
            digits += c;
        }
        else if (!digits.empty())
        {
            count *= std::stoull(digits);
            digits.clear();
        }
    }
    if (fortran == "True" && shape.find(',') != shape.rfind(','))
    {
        throw armnn::ParseException(path + ": Fortran-ordered .npy arrays are not supported");
    }

    const char* data = content.data() + headerStart + headerLength;
    const size_t available = content.size() - headerStart - headerLength;
    std::vector<double> values;
    values.reserve(count);
    auto read = [&](auto type) {
        using T = decltype(type);
        if (available < count * sizeof(T))
        {
            throw armnn::ParseException(path + ": .npy data holds " + std::to_string(available) + " bytes, its shape " +
                                        shape + " needs " + std::to_string(count * sizeof(T)));
        }
        AppendRaw<T>(data, count, values);
    };
    if (descr == "<f4") read(float{});
    else if (descr == "<f8") read(double{});
    else if (descr == "|u1") read(uint8_t{});
    else if (descr == "|i1") read(int8_t{});
    else if (descr == "<i2") read(int16_t{});
    else if (descr == "<u2") read(uint16_t{});
    else if (descr == "<i4") read(int32_t{});
    else if (descr == "<u4") read(uint32_t{});
    else if (descr == "<i8") read(int64_t{});
    else if (descr == "|b1") read(uint8_t{});
    else
    {
        throw armnn::ParseException(path + ": unsupported .npy element type '" + descr + "'");
    }
    return values;
}

std::vector<double> ReadText(const std::string& path, const std::string& content)
{
    std::vector<double> values;
    const char* p = content.c_str();
    while (*p != '\0')
    {
        if (std::isspace(static_cast<unsigned char>(*p)) || *p == ',')
        {
            ++p;
            continue;
        }
        char* end = nullptr;
        const double value = std::strtod(p, &end);
        if (end == p)
        {
            std::string token(p, std::strcspn(p, " \t\r\n,"));
            throw armnn::ParseException(path + ": '" + token + "' (value " + std::to_string(values.size()) +
                                        ") is not a number");
        }
        values.push_back(value);
        p = end;
    }
    return values;
}

} // namespace

TensorBuffer::TensorBuffer(const armnn::TensorInfo& info)
    : m_Info(info), m_Storage((static_cast<size_t>(info.GetNumBytes()) + 7) / 8)
{
    WithElementType(info.GetDataType(), [](auto) { return 0; }); // rejects unsupported types early
}

std::vector<double> TensorBuffer::GetValues() const
{
    return WithElementType(m_Info.GetDataType(), [this](auto type) {
        using T = decltype(type);
        std::vector<double> values;
        AppendRaw<T>(reinterpret_cast<const char*>(Data()), m_Info.GetNumElements(), values);
        return values;
    });
}

std::vector<double> TensorBuffer::GetRealValues() const
{
    std::vector<double> values = GetValues();
    if (m_Info.IsQuantized())
    {
        const double scale = QuantScale(m_Info);
        const double offset = m_Info.GetQuantizationOffset();
        for (double& v : values)
        {
            v = (v - offset) * scale;
        }
    }
    return values;
}

void TensorBuffer::SetValues(const std::vector<double>& values, bool quantizeRealValues, const std::string& what)
{
    if (values.size() != m_Info.GetNumElements())
    {
        throw armnn::InvalidArgumentException(what + ": " + std::to_string(values.size()) +
                                              " values given, the tensor " + ShapeString(m_Info.GetShape()) +
                                              " needs " + std::to_string(m_Info.GetNumElements()));
    }
    const bool quantize = quantizeRealValues && m_Info.IsQuantized();
    const float scale = quantize ? QuantScale(m_Info) : 0.0f;
    WithElementType(m_Info.GetDataType(), [&](auto type) {
        using T = decltype(type);
        T* out = reinterpret_cast<T*>(Data());
        for (size_t i = 0; i < values.size(); ++i)
        {
            const double v = values[i];
            if constexpr (std::is_same_v<T, float>)
            {
                out[i] = static_cast<float>(v);
            }
            else if constexpr (std::is_same_v<T, bool>)
            {
                out[i] = v != 0.0;
            }
            else
            {
                if (quantize)
                {
                    out[i] = armnn::Quantize<T>(static_cast<float>(v), scale, m_Info.GetQuantizationOffset());
                    continue;
                }
                if (!(v == std::floor(v)) || v < static_cast<double>(std::numeric_limits<T>::lowest()) ||
                    v > static_cast<double>(std::numeric_limits<T>::max()))
                {
                    std::ostringstream message;
                    message << what << ": value " << v << " (element " << i << ") is not a valid "
                            << armnn::GetDataTypeName(m_Info.GetDataType()) << " value"
                            << (m_Info.IsQuantized() ? "; give -q to quantize real values" : "");
                    throw armnn::InvalidArgumentException(message.str());
                }
                out[i] = static_cast<T>(v);
            }
        }
        return 0;
    });
}

void TensorBuffer::FillPseudoRandom(uint32_t seed)
{
    // minstd_rand's sequence is fixed by the standard, so every platform sees the same inputs.
    std::minstd_rand generator(seed);
    std::vector<double> values(m_Info.GetNumElements());
    const armnn::DataType type = m_Info.GetDataType();
    const bool real = type == armnn::DataType::Float32 || m_Info.IsQuantized();
    for (double& v : values)
    {
        const auto r = generator();
        v = real ? static_cast<double>(r % 2000) / 1000.0 - 1.0 : static_cast<double>(r % 10);
    }
    if (type == armnn::DataType::Boolean)
    {
        for (double& v : values)
        {
            v = static_cast<double>(static_cast<int>(v) % 2);
        }
    }
    SetValues(values, true, "pseudo-random input");
}

std::vector<double> ReadValuesFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
    {
        throw armnn::FileNotFoundException("cannot open input data file '" + path + "'");
    }
    const std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return EndsWith(path, ".npy") ? ReadNpy(path, content) : ReadText(path, content);
}

void WriteTensorFile(const std::string& path, const TensorBuffer& tensor)
{
    const armnn::TensorInfo& info = tensor.GetInfo();
    std::ofstream file(path, std::ios::binary);
    if (!file)
    {
        throw armnn::RuntimeException("cannot write output file '" + path + "'");
    }
    if (EndsWith(path, ".npy"))
    {
        std::string shape = "(";
        for (unsigned int d = 0; d < info.GetNumDimensions(); ++d)
        {
            shape += std::to_string(info.GetShape()[d]) + ", ";
        }
        if (info.GetNumDimensions() > 1)
        {
            shape.erase(shape.size() - 2);
        }
        shape += ")";
        std::string header = std::string("{'descr': '") + NpyDescr(info.GetDataType()) +
                             "', 'fortran_order': False, 'shape': " + shape + ", }";
        // Version 1.0: the magic, version and length take 10 bytes; the header ends in '\n' and pads to 64.
        const size_t total = (10 + header.size() + 1 + 63) / 64 * 64;
        header.append(total - 10 - header.size() - 1, ' ');
        header += '\n';
        const uint16_t length = static_cast<uint16_t>(header.size());
        file.write("\x93NUMPY\x01\x00", 8);
        const char lengthBytes[2] = {static_cast<char>(length & 0xff), static_cast<char>(length >> 8)};
        file.write(lengthBytes, 2);
        file << header;
        file.write(reinterpret_cast<const char*>(tensor.Data()), info.GetNumBytes());
    }
    else
    {
        const bool isFloat = info.GetDataType() == armnn::DataType::Float32;
        char text[32];
        bool first = true;
        for (double v : tensor.GetValues())
        {
            std::snprintf(text, sizeof(text), isFloat ? "%.9g" : "%.0f", v);
            file << (first ? "" : " ") << text;
            first = false;
        }
        file << "\n";
    }
    if (!file)
    {
        throw armnn::RuntimeException("error writing output file '" + path + "'");
    }
}

std::string ShapeString(const armnn::TensorShape& shape)
{
    if (shape.GetDimensionality() == armnn::Dimensionality::Scalar)
    {
        return "[] (scalar)";
    }
    if (shape.GetDimensionality() == armnn::Dimensionality::NotSpecified)
    {
        return "[?]";
    }
    std::string text = "[";
    for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
    {
        text += (d ? "," : "") + (shape.GetDimensionSpecificity(d) ? std::to_string(shape[d]) : std::string("?"));
    }
    return text + "]";
}

std::string DescribeType(const armnn::TensorInfo& info)
{
    std::ostringstream text;
    text << armnn::GetDataTypeName(info.GetDataType());
    if (info.IsQuantized())
    {
        if (info.HasMultipleQuantizationScales())
        {
            text << ", " << info.GetQuantizationScales().size() << " per-axis scales";
        }
        else
        {
            text << ", scale " << info.GetQuantizationScale() << ", offset " << info.GetQuantizationOffset();
        }
    }
    return text.str();
}
