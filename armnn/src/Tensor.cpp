#include <armnn/Tensor.hpp>
#include <armnn/TypesUtils.hpp>

#include <limits>
#include <sstream>

namespace armnn
{

// TensorShape

TensorShape::TensorShape() = default;

TensorShape::TensorShape(unsigned int numDimensions, bool initDimensionsSpecificity)
    : m_NumDimensions(numDimensions)
{
    CheckSpecifiedNumDimensions();
    m_DimensionsSpecificity.fill(initDimensionsSpecificity);
}

TensorShape::TensorShape(unsigned int numDimensions, const unsigned int* dimensionSizes)
    : m_NumDimensions(numDimensions)
{
    CheckSpecifiedNumDimensions();
    if (dimensionSizes == nullptr)
    {
        throw InvalidArgumentException("TensorShape: dimensionSizes must not be null");
    }
    std::copy(dimensionSizes, dimensionSizes + numDimensions, m_Dimensions.begin());
}

TensorShape::TensorShape(std::initializer_list<unsigned int> dimensionSizeList)
    : TensorShape(static_cast<unsigned int>(dimensionSizeList.size()), dimensionSizeList.begin())
{}

TensorShape::TensorShape(unsigned int numDimensions, const unsigned int* dimensionSizes,
                         const bool* dimensionsSpecificity)
    : m_NumDimensions(numDimensions)
{
    CheckSpecifiedNumDimensions();
    if (dimensionSizes == nullptr || dimensionsSpecificity == nullptr)
    {
        throw InvalidArgumentException("TensorShape: dimension arrays must not be null");
    }
    std::copy(dimensionSizes, dimensionSizes + numDimensions, m_Dimensions.begin());
    std::copy(dimensionsSpecificity, dimensionsSpecificity + numDimensions, m_DimensionsSpecificity.begin());
}

TensorShape::TensorShape(std::initializer_list<unsigned int> dimensionSizeList,
                         std::initializer_list<bool> dimensionsSpecificityList)
{
    if (dimensionSizeList.size() != dimensionsSpecificityList.size())
    {
        throw InvalidArgumentException("TensorShape: sizes and specificities differ in length");
    }
    *this = TensorShape(static_cast<unsigned int>(dimensionSizeList.size()), dimensionSizeList.begin(),
                        dimensionsSpecificityList.begin());
}

TensorShape::TensorShape(Dimensionality dimensionality) : m_Dimensionality(dimensionality)
{
    switch (dimensionality)
    {
        case Dimensionality::Specified:
            throw InvalidArgumentException("TensorShape: use another constructor for a specified shape");
        case Dimensionality::NotSpecified: m_NumDimensions = 0; break;
        case Dimensionality::Scalar:
            m_NumDimensions = 1;
            m_Dimensions[0] = 1;
            break;
    }
}

void TensorShape::CheckSpecifiedNumDimensions() const
{
    if (m_NumDimensions > MaxNumOfTensorDimensions)
    {
        throw InvalidArgumentException("TensorShape: " + std::to_string(m_NumDimensions) +
                                       " dimensions exceed the maximum of " +
                                       std::to_string(MaxNumOfTensorDimensions));
    }
}

void TensorShape::CheckDimensionIndex(unsigned int i) const
{
    if (i >= m_NumDimensions)
    {
        throw InvalidArgumentException("TensorShape: dimension index " + std::to_string(i) +
                                       " out of range for a shape of " + std::to_string(m_NumDimensions) +
                                       " dimensions");
    }
}

unsigned int TensorShape::operator[](unsigned int i) const
{
    CheckDimensionIndex(i);
    return m_Dimensions[i];
}

unsigned int& TensorShape::operator[](unsigned int i)
{
    CheckDimensionIndex(i);
    m_DimensionsSpecificity[i] = true;
    return m_Dimensions[i];
}

bool TensorShape::operator==(const TensorShape& other) const
{
    if (m_Dimensionality != other.m_Dimensionality || m_NumDimensions != other.m_NumDimensions)
    {
        return false;
    }
    for (unsigned int i = 0; i < m_NumDimensions; ++i)
    {
        if (m_Dimensions[i] != other.m_Dimensions[i] ||
            m_DimensionsSpecificity[i] != other.m_DimensionsSpecificity[i])
        {
            return false;
        }
    }
    return true;
}

unsigned int TensorShape::GetNumDimensions() const
{
    return m_NumDimensions;
}

unsigned int TensorShape::GetNumElements() const
{
    if (m_Dimensionality == Dimensionality::Scalar)
    {
        return 1;
    }
    if (m_NumDimensions == 0)
    {
        return 0;
    }
    uint64_t count = 1;
    for (unsigned int i = 0; i < m_NumDimensions; ++i)
    {
        count *= m_Dimensions[i];
        if (count > std::numeric_limits<unsigned int>::max())
        {
            throw InvalidArgumentException("TensorShape: the number of elements overflows 32 bits");
        }
    }
    return static_cast<unsigned int>(count);
}

bool TensorShape::GetDimensionSpecificity(unsigned int i) const
{
    CheckDimensionIndex(i);
    return m_DimensionsSpecificity[i];
}

void TensorShape::SetNumDimensions(unsigned int numDimensions, bool initDimensionsSpecificity)
{
    m_NumDimensions = numDimensions;
    CheckSpecifiedNumDimensions();
    m_Dimensionality = Dimensionality::Specified;
    m_DimensionsSpecificity.fill(initDimensionsSpecificity);
}

void TensorShape::SetDimensionSize(unsigned int i, unsigned int dimensionSize)
{
    (*this)[i] = dimensionSize;
}

bool TensorShape::AreAllDimensionsSpecified() const
{
    if (m_Dimensionality == Dimensionality::NotSpecified)
    {
        return false;
    }
    for (unsigned int i = 0; i < m_NumDimensions; ++i)
    {
        if (!m_DimensionsSpecificity[i])
        {
            return false;
        }
    }
    return true;
}

bool TensorShape::IsAtLeastOneDimensionSpecified() const
{
    for (unsigned int i = 0; i < m_NumDimensions; ++i)
    {
        if (m_DimensionsSpecificity[i])
        {
            return true;
        }
    }
    return false;
}

std::string TensorShape::ToString() const
{
    std::ostringstream ss;
    ss << *this;
    return ss.str();
}

std::ostream& operator<<(std::ostream& os, const TensorShape& shape)
{
    os << "[";
    if (shape.GetDimensionality() == Dimensionality::NotSpecified)
    {
        return os << "?]";
    }
    for (unsigned int i = 0; i < shape.GetNumDimensions(); ++i)
    {
        os << (i ? "," : "");
        if (shape.GetDimensionSpecificity(i))
        {
            os << shape[i];
        }
        else
        {
            os << "?";
        }
    }
    return os << "]";
}

// TensorInfo

TensorInfo::TensorInfo() = default;

TensorInfo::TensorInfo(const TensorShape& shape, DataType dataType, float quantizationScale,
                       int32_t quantizationOffset, bool isConstant)
    : m_Shape(shape), m_DataType(dataType), m_IsConstant(isConstant)
{
    SetQuantizationScale(quantizationScale);
    SetQuantizationOffset(quantizationOffset);
}

TensorInfo::TensorInfo(unsigned int numDimensions, const unsigned int* dimensionSizes, DataType dataType,
                       float quantizationScale, int32_t quantizationOffset, bool isConstant)
    : TensorInfo(TensorShape(numDimensions, dimensionSizes), dataType, quantizationScale, quantizationOffset,
                 isConstant)
{}

TensorInfo::TensorInfo(const TensorShape& shape, DataType dataType, const std::vector<float>& quantizationScales,
                       unsigned int quantizationDim, bool isConstant)
    : m_Shape(shape), m_DataType(dataType), m_IsConstant(isConstant)
{
    SetQuantizationScales(quantizationScales);
    SetQuantizationDim(MakeOptional<unsigned int>(quantizationDim));
}

TensorInfo::TensorInfo(unsigned int numDimensions, const unsigned int* dimensionSizes, DataType dataType,
                       const std::vector<float>& quantizationScales, unsigned int quantizationDim, bool isConstant)
    : TensorInfo(TensorShape(numDimensions, dimensionSizes), dataType, quantizationScales, quantizationDim,
                 isConstant)
{}

bool TensorInfo::operator==(const TensorInfo& other) const
{
    return m_Shape == other.m_Shape && m_DataType == other.m_DataType && m_Quantization == other.m_Quantization &&
           m_IsConstant == other.m_IsConstant;
}

bool TensorInfo::HasPerAxisQuantization() const
{
    return HasMultipleQuantizationScales() || m_Quantization.m_QuantizationDim.has_value();
}

float TensorInfo::GetQuantizationScale() const
{
    if (m_Quantization.m_Scales.empty())
    {
        return 0.0f;
    }
    if (HasMultipleQuantizationScales())
    {
        throw InvalidArgumentException("GetQuantizationScale: the tensor has " +
                                       std::to_string(m_Quantization.m_Scales.size()) +
                                       " per-axis scales; use GetQuantizationScales");
    }
    return m_Quantization.m_Scales[0];
}

int32_t TensorInfo::GetQuantizationOffset() const
{
    return m_Quantization.m_Offset.has_value() ? m_Quantization.m_Offset.value() : 0;
}

bool TensorInfo::IsQuantized() const
{
    return IsQuantizedType(m_DataType);
}

bool TensorInfo::IsTypeSpaceMatch(const TensorInfo& other) const
{
    bool match = m_DataType == other.m_DataType;
    if (match && IsQuantized())
    {
        match = GetQuantizationScales() == other.GetQuantizationScales() &&
                GetQuantizationOffset() == other.GetQuantizationOffset() &&
                GetQuantizationDim() == other.GetQuantizationDim();
    }
    return match;
}

unsigned int TensorInfo::GetNumBytes() const
{
    const uint64_t bytes = static_cast<uint64_t>(GetDataTypeSize(m_DataType)) * GetNumElements();
    if (bytes > std::numeric_limits<unsigned int>::max())
    {
        throw InvalidArgumentException("TensorInfo: the byte size overflows 32 bits");
    }
    return static_cast<unsigned int>(bytes);
}

// ConstTensor

ConstTensor::ConstTensor(const TensorInfo& info, const void* memoryArea) : BaseTensor<const void*>(info, memoryArea)
{
    CheckConstant();
}

void ConstTensor::CheckConstant() const
{
    if (!GetInfo().IsConstant())
    {
        throw InvalidArgumentException("Invalid attempt to construct ConstTensor from non-constant TensorInfo.");
    }
}

// PermutationVector

PermutationVector::PermutationVector(const ValueType* dimMappings, const SizeType numDimMappings)
{
    if (numDimMappings > MaxNumOfTensorDimensions)
    {
        throw InvalidArgumentException("PermutationVector: " + std::to_string(numDimMappings) +
                                       " mappings exceed the maximum number of dimensions");
    }
    std::array<bool, MaxNumOfTensorDimensions> seen{};
    for (SizeType i = 0; i < numDimMappings; ++i)
    {
        if (dimMappings[i] >= numDimMappings || seen[dimMappings[i]])
        {
            throw InvalidArgumentException("PermutationVector: the mappings are not a permutation of 0.." +
                                           std::to_string(numDimMappings - 1));
        }
        seen[dimMappings[i]] = true;
    }
    m_DimMappings = {};
    std::copy(dimMappings, dimMappings + numDimMappings, m_DimMappings.begin());
    m_NumDimMappings = numDimMappings;
}

PermutationVector::PermutationVector(std::initializer_list<ValueType> dimMappings)
    : PermutationVector(dimMappings.begin(), static_cast<SizeType>(dimMappings.size()))
{}

bool PermutationVector::IsEqual(const PermutationVector& other) const
{
    if (m_NumDimMappings != other.m_NumDimMappings)
    {
        return false;
    }
    for (SizeType i = 0; i < m_NumDimMappings; ++i)
    {
        if (m_DimMappings[i] != other.m_DimMappings[i])
        {
            return false;
        }
    }
    return true;
}

bool PermutationVector::IsInverse(const PermutationVector& other) const
{
    if (m_NumDimMappings != other.m_NumDimMappings)
    {
        return false;
    }
    for (SizeType i = 0; i < m_NumDimMappings; ++i)
    {
        if (other.m_DimMappings[m_DimMappings[i]] != i)
        {
            return false;
        }
    }
    return true;
}

} // namespace armnn
