//
// Tensor data for ExecuteNetwork: buffers typed by a TensorInfo, filled from text or .npy files or a fixed
// pseudo-random pattern, and written back as text or .npy.
//
// Values travel as doubles between files and buffers: a text file holds numbers, a .npy file holds typed numbers;
// storing them into a tensor converts to the tensor's data type (quantizing real values only when asked, otherwise
// requiring integers within the type's range). Float16 and BFloat16 tensors are not supported.
//
#pragma once

#include <armnn/Tensor.hpp>

#include <cstdint>
#include <string>
#include <vector>

/// Memory for one tensor, aligned for any element type.
class TensorBuffer
{
public:
    explicit TensorBuffer(const armnn::TensorInfo& info);

    const armnn::TensorInfo& GetInfo() const { return m_Info; }
    void* Data() { return m_Storage.data(); }
    const void* Data() const { return m_Storage.data(); }

    /// The stored values as numbers (quantized types: the integers as stored).
    std::vector<double> GetValues() const;
    /// The values as real numbers (quantized types dequantized; others as GetValues).
    std::vector<double> GetRealValues() const;
    /// @throws armnn::InvalidArgumentException when the count differs from the tensor's element count, or a value
    ///         does not fit the data type (unless quantizeRealValues and the type is quantized).
    void SetValues(const std::vector<double>& values, bool quantizeRealValues, const std::string& what);
    /// Deterministic pattern: reals in [-1, 1) for float tensors (and quantized ones, quantized), 0..9 for integers.
    void FillPseudoRandom(uint32_t seed);

private:
    armnn::TensorInfo m_Info;
    std::vector<uint64_t> m_Storage;
};

/// Reads a file of values: .npy (by extension), or text with values separated by white space or commas.
/// @throws armnn::FileNotFoundException when it cannot be opened; armnn::ParseException when malformed.
std::vector<double> ReadValuesFile(const std::string& path);

/// Writes a tensor: .npy (by extension) in the tensor's own data type, or text with one value per element
/// separated by spaces (floats with 9 significant digits, which round-trips a float exactly).
/// @throws armnn::RuntimeException when the file cannot be written.
void WriteTensorFile(const std::string& path, const TensorBuffer& tensor);

/// Short description of a TensorInfo: data type and quantization.
std::string DescribeType(const armnn::TensorInfo& info);
/// "[1,224,224,3]"
std::string ShapeString(const armnn::TensorShape& shape);
