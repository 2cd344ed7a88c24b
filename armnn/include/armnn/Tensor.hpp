//
// Tensor shapes, tensor descriptions (TensorInfo) and non-owning tensor views (Tensor, ConstTensor).
//
#pragma once

#include "Exceptions.hpp"
#include "Optional.hpp"
#include "TensorFwd.hpp"
#include "Types.hpp"

#include <array>
#include <initializer_list>
#include <utility>
#include <vector>

namespace armnn
{

class TensorShape
{
public:
    /// Empty (scalar-less, zero-dimension) shape with Dimensionality::Specified.
    TensorShape();

    /// Shape with numDimensions dimensions, all zero; initDimensionsSpecificity says whether they count as known.
    explicit TensorShape(unsigned int numDimensions, bool initDimensionsSpecificity = true);

    /// @throws InvalidArgumentException when numDimensions exceeds MaxNumOfTensorDimensions or dimensionSizes is null.
    TensorShape(unsigned int numDimensions, const unsigned int* dimensionSizes);
    TensorShape(std::initializer_list<unsigned int> dimensionSizeList);

    /// Shape whose dimensions are individually known or unknown.
    TensorShape(unsigned int numDimensions, const unsigned int* dimensionSizes, const bool* dimensionsSpecificity);
    TensorShape(std::initializer_list<unsigned int> dimensionSizeList,
                std::initializer_list<bool> dimensionsSpecificityList);

    /// Dimensionality::NotSpecified (unknown rank) or Dimensionality::Scalar.
    explicit TensorShape(Dimensionality dimensionality);

    TensorShape(const TensorShape& other) = default;
    TensorShape& operator=(const TensorShape& other) = default;

    /// @throws InvalidArgumentException when i is out of range or the dimension is unknown.
    unsigned int operator[](unsigned int i) const;
    unsigned int& operator[](unsigned int i);

    bool operator==(const TensorShape& other) const;
    bool operator!=(const TensorShape& other) const { return !(*this == other); }

    /// Rank of the shape (1 for a scalar).
    unsigned int GetNumDimensions() const;
    /// Product of the dimensions (1 for a scalar).
    unsigned int GetNumElements() const;
    Dimensionality GetDimensionality() const { return m_Dimensionality; }

    bool GetDimensionSpecificity(unsigned int i) const;
    void SetNumDimensions(unsigned int numDimensions, bool initDimensionsSpecificity = false);
    void SetDimensionSize(unsigned int i, unsigned int dimensionSize);
    bool AreAllDimensionsSpecified() const;
    bool IsAtLeastOneDimensionSpecified() const;

    std::string ToString() const;

private:
    void CheckDimensionIndex(unsigned int i) const;
    void CheckSpecifiedNumDimensions() const;

    std::array<unsigned int, MaxNumOfTensorDimensions> m_Dimensions{};
    std::array<bool, MaxNumOfTensorDimensions> m_DimensionsSpecificity{{true, true, true, true, true}};
    unsigned int m_NumDimensions = 0;
    Dimensionality m_Dimensionality = Dimensionality::Specified;
};

class TensorInfo
{
public:
    TensorInfo();

    TensorInfo(const TensorShape& shape, DataType dataType, float quantizationScale = 0.0f,
               int32_t quantizationOffset = 0, bool isConstant = false);
    TensorInfo(unsigned int numDimensions, const unsigned int* dimensionSizes, DataType dataType,
               float quantizationScale = 0.0f, int32_t quantizationOffset = 0, bool isConstant = false);

    /// Per-axis quantization: one scale for each index of dimension quantizationDim.
    TensorInfo(const TensorShape& shape, DataType dataType, const std::vector<float>& quantizationScales,
               unsigned int quantizationDim, bool isConstant = false);
    TensorInfo(unsigned int numDimensions, const unsigned int* dimensionSizes, DataType dataType,
               const std::vector<float>& quantizationScales, unsigned int quantizationDim,
               bool isConstant = false);

    TensorInfo(const TensorInfo& other) = default;
    TensorInfo& operator=(const TensorInfo& other) = default;

    bool operator==(const TensorInfo& other) const;
    bool operator!=(const TensorInfo& other) const { return !(*this == other); }

    const TensorShape& GetShape() const { return m_Shape; }
    TensorShape& GetShape() { return m_Shape; }
    void SetShape(const TensorShape& newShape) { m_Shape = newShape; }

    unsigned int GetNumDimensions() const { return m_Shape.GetNumDimensions(); }
    unsigned int GetNumElements() const { return m_Shape.GetNumElements(); }

    DataType GetDataType() const { return m_DataType; }
    void SetDataType(DataType type) { m_DataType = type; }

    bool HasMultipleQuantizationScales() const { return m_Quantization.m_Scales.size() > 1; }
    bool HasPerAxisQuantization() const;

    std::vector<float> GetQuantizationScales() const { return m_Quantization.m_Scales; }
    void SetQuantizationScales(const std::vector<float>& scales) { m_Quantization.m_Scales = scales; }

    /// The single scale; 0 when none is set.
    /// @throws InvalidArgumentException for per-axis quantized tensors.
    float GetQuantizationScale() const;
    void SetQuantizationScale(float scale) { m_Quantization.m_Scales = {scale}; }

    int32_t GetQuantizationOffset() const;
    void SetQuantizationOffset(int32_t offset) { m_Quantization.m_Offset = offset; }

    Optional<unsigned int> GetQuantizationDim() const { return m_Quantization.m_QuantizationDim; }
    void SetQuantizationDim(const Optional<unsigned int>& quantizationDim)
    {
        m_Quantization.m_QuantizationDim = quantizationDim;
    }

    bool IsQuantized() const;
    bool IsConstant() const { return m_IsConstant; }
    /// Marks the tensor as constant; ConstTensor requires it.
    void SetConstant(const bool IsConstant = true) { m_IsConstant = IsConstant; }

    /// True when both tensors have the same data type and quantization parameters.
    bool IsTypeSpaceMatch(const TensorInfo& other) const;

    unsigned int GetNumBytes() const;

private:
    TensorShape m_Shape;
    DataType m_DataType = DataType::Float32;
    bool m_IsConstant = false;

    struct Quantization
    {
        bool operator==(const Quantization& other) const
        {
            return m_Scales == other.m_Scales && m_Offset == other.m_Offset &&
                   m_QuantizationDim == other.m_QuantizationDim;
        }
        std::vector<float> m_Scales;
        Optional<int32_t> m_Offset;
        Optional<unsigned int> m_QuantizationDim;
    } m_Quantization;
};

using BindingPointInfo = std::pair<armnn::LayerBindingId, armnn::TensorInfo>;

/// A view of memory the caller owns, described by a TensorInfo. Does not own or copy the memory.
template <typename MemoryType>
class BaseTensor
{
public:
    BaseTensor() : m_MemoryArea(nullptr) {}
    BaseTensor(const TensorInfo& info, MemoryType memoryArea) : m_MemoryArea(memoryArea), m_Info(info) {}
    BaseTensor(const BaseTensor& other) = default;
    BaseTensor& operator=(const BaseTensor&) = default;

    const TensorInfo& GetInfo() const { return m_Info; }
    TensorInfo& GetInfo() { return m_Info; }
    const TensorShape& GetShape() const { return m_Info.GetShape(); }
    TensorShape& GetShape() { return m_Info.GetShape(); }

    DataType GetDataType() const { return m_Info.GetDataType(); }
    unsigned int GetNumDimensions() const { return m_Info.GetNumDimensions(); }
    unsigned int GetNumBytes() const { return m_Info.GetNumBytes(); }
    unsigned int GetNumElements() const { return m_Info.GetNumElements(); }

    MemoryType GetMemoryArea() const { return m_MemoryArea; }

protected:
    void SetMemoryArea(MemoryType memoryArea) { m_MemoryArea = memoryArea; }

private:
    MemoryType m_MemoryArea;
    TensorInfo m_Info;
};

/// A tensor whose memory the library may write (outputs).
class Tensor : public BaseTensor<void*>
{
public:
    using BaseTensor<void*>::BaseTensor;
};

/// A read-only tensor (inputs, weights).
class ConstTensor : public BaseTensor<const void*>
{
public:
    ConstTensor() = default;

    /// @throws InvalidArgumentException unless info.IsConstant() is true.
    ConstTensor(const TensorInfo& info, const void* memoryArea);

    /// Read-only view of a writable tensor.
    template <typename MemoryType>
    ConstTensor(const BaseTensor<MemoryType>& other) : BaseTensor<const void*>(other.GetInfo(), other.GetMemoryArea())
    {
        CheckConstant();
    }

    /// Read-only view of a vector; the TensorInfo must say constant and match the vector's element count.
    template <template <typename, typename...> class ContainerType, typename T, typename... ContainerArgs>
    ConstTensor(const TensorInfo& info, const ContainerType<T, ContainerArgs...>& container)
        : BaseTensor<const void*>(info, container.data())
    {
        CheckConstant();
        if (container.size() * sizeof(T) != info.GetNumBytes())
        {
            throw InvalidArgumentException("ConstTensor: container size does not match the tensor info");
        }
    }

private:
    void CheckConstant() const;
};

using InputTensors = std::vector<std::pair<LayerBindingId, class ConstTensor>>;
using OutputTensors = std::vector<std::pair<LayerBindingId, class Tensor>>;

} // namespace armnn
