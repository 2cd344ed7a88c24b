#include "RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>

#include <cstdint>
#include <cstring>

namespace armnn
{
namespace ref
{

std::vector<size_t> RowMajorStrides(const TensorShape& shape)
{
    const unsigned int rank = shape.GetNumDimensions();
    std::vector<size_t> strides(rank, 1);
    for (int d = static_cast<int>(rank) - 2; d >= 0; --d)
    {
        strides[static_cast<size_t>(d)] = strides[static_cast<size_t>(d) + 1] * shape[static_cast<unsigned int>(d) + 1];
    }
    return strides;
}

std::vector<size_t> BroadcastIndices(const TensorShape& inShape, const TensorShape& outShape)
{
    const unsigned int outRank = outShape.GetNumDimensions();
    const unsigned int inRank = inShape.GetNumDimensions();
    const std::vector<size_t> inStrides = RowMajorStrides(inShape);
    const size_t count = outShape.GetNumElements();
    std::vector<size_t> indices(count);
    std::vector<unsigned int> coord(outRank, 0);
    for (size_t i = 0; i < count; ++i)
    {
        size_t index = 0;
        for (unsigned int d = 0; d < inRank; ++d)
        {
            const unsigned int outDim = d + outRank - inRank;
            if (inShape[d] != 1)
            {
                index += coord[outDim] * inStrides[d];
            }
        }
        indices[i] = index;
        for (int d = static_cast<int>(outRank) - 1; d >= 0; --d)
        {
            if (++coord[static_cast<size_t>(d)] < outShape[static_cast<unsigned int>(d)])
            {
                break;
            }
            coord[static_cast<size_t>(d)] = 0;
        }
    }
    return indices;
}

void CopyConverting(const TensorInfo& fromInfo, const void* from, const TensorInfo& toInfo, void* to)
{
    if (fromInfo.IsTypeSpaceMatch(toInfo))
    {
        std::memcpy(to, from, toInfo.GetNumBytes());
        return;
    }
    const std::vector<float> values = DecodeToFloat(fromInfo, from);
    EncodeFromFloat(toInfo, values.data(), to);
}

void StridedCopyPlan::AddDim(size_t size, ptrdiff_t fromStride, ptrdiff_t toStride)
{
    m_Shape.push_back(size);
    m_FromStride.push_back(fromStride);
    m_ToStride.push_back(toStride);
}

size_t StridedCopyPlan::GetNumElements() const
{
    size_t count = 1;
    for (size_t size : m_Shape)
    {
        count *= size;
    }
    return count;
}

std::vector<ptrdiff_t> SignedStrides(const TensorShape& shape)
{
    const std::vector<size_t> strides = RowMajorStrides(shape);
    return std::vector<ptrdiff_t>(strides.begin(), strides.end());
}

void StridedCopy(const StridedCopyPlan& plan, size_t elementSize, const void* from, void* to)
{
    const size_t count = plan.GetNumElements();
    if (count == 0)
    {
        return;
    }
    const auto* src = static_cast<const uint8_t*>(from);
    auto* dst = static_cast<uint8_t*>(to);
    const size_t rank = plan.m_Shape.size();
    std::vector<size_t> coord(rank, 0);
    ptrdiff_t fromIndex = plan.m_FromOffset;
    ptrdiff_t toIndex = plan.m_ToOffset;
    for (size_t i = 0; i < count; ++i)
    {
        std::memcpy(dst + toIndex * static_cast<ptrdiff_t>(elementSize),
                    src + fromIndex * static_cast<ptrdiff_t>(elementSize), elementSize);
        // Odometer step: the indices follow the coordinate incrementally.
        for (size_t d = rank; d-- > 0;)
        {
            fromIndex += plan.m_FromStride[d];
            toIndex += plan.m_ToStride[d];
            if (++coord[d] < plan.m_Shape[d])
            {
                break;
            }
            fromIndex -= plan.m_FromStride[d] * static_cast<ptrdiff_t>(plan.m_Shape[d]);
            toIndex -= plan.m_ToStride[d] * static_cast<ptrdiff_t>(plan.m_Shape[d]);
            coord[d] = 0;
        }
    }
}

void StridedCopyConverting(const StridedCopyPlan& plan, const TensorInfo& fromInfo, const void* from,
                           const TensorInfo& toInfo, void* to)
{
    const size_t elementSize = GetDataTypeSize(toInfo.GetDataType());
    if (fromInfo.IsTypeSpaceMatch(toInfo))
    {
        StridedCopy(plan, elementSize, from, to);
        return;
    }
    // Gather the moved elements contiguously, requantize them, then scatter them to their places.
    const size_t count = plan.GetNumElements();
    const TensorShape flat({static_cast<unsigned int>(count)});
    TensorInfo gatheredInfo = fromInfo;
    gatheredInfo.SetShape(flat);
    TensorInfo convertedInfo = toInfo;
    convertedInfo.SetShape(flat);
    std::vector<uint8_t> gathered(count * GetDataTypeSize(fromInfo.GetDataType()));
    std::vector<uint8_t> converted(count * elementSize);

    StridedCopyPlan gather = plan;
    gather.m_ToOffset = 0;
    StridedCopyPlan scatter = plan;
    scatter.m_FromOffset = 0;
    ptrdiff_t contiguous = 1;
    for (size_t d = plan.m_Shape.size(); d-- > 0;)
    {
        gather.m_ToStride[d] = contiguous;
        scatter.m_FromStride[d] = contiguous;
        contiguous *= static_cast<ptrdiff_t>(plan.m_Shape[d]);
    }
    StridedCopy(gather, GetDataTypeSize(fromInfo.GetDataType()), from, gathered.data());
    CopyConverting(gatheredInfo, gathered.data(), convertedInfo, converted.data());
    StridedCopy(scatter, elementSize, converted.data(), to);
}

const void* ConvertedTo(const TensorInfo& info, const void* data, const TensorInfo& target,
                        std::vector<uint8_t>& buffer)
{
    if (info.IsTypeSpaceMatch(target))
    {
        return data;
    }
    TensorInfo converted = target;
    converted.SetShape(info.GetShape());
    buffer.resize(converted.GetNumBytes());
    CopyConverting(info, data, converted, buffer.data());
    return buffer.data();
}

std::vector<size_t> IndexRowOffsets(const int32_t* indices, size_t rows, unsigned int depth, const TensorShape& shape,
                                    const std::string& layerName)
{
    const std::vector<size_t> strides = RowMajorStrides(shape);
    std::vector<size_t> offsets(rows, 0);
    for (size_t r = 0; r < rows; ++r)
    {
        for (unsigned int k = 0; k < depth; ++k)
        {
            const int32_t index = indices[r * depth + k];
            if (index < 0 || static_cast<uint32_t>(index) >= shape[k])
            {
                throw Exception(layerName + ": index " + std::to_string(index) + " (row " + std::to_string(r) +
                                ", position " + std::to_string(k) + " of the indices) is outside [0, " +
                                std::to_string(shape[k]) + ")");
            }
            offsets[r] += static_cast<size_t>(index) * strides[k];
        }
    }
    return offsets;
}

bool CheckDataMovement(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    const TensorInfo& reference = layer.m_Inputs.at(0);
    auto requantizable = [&reference](const TensorInfo& info) {
        return info.IsTypeSpaceMatch(reference) ||
               (!info.HasPerAxisQuantization() && !reference.HasPerAxisQuantization());
    };
    for (const std::vector<TensorInfo>* tensors : {&layer.m_Inputs, &layer.m_Outputs})
    {
        for (const TensorInfo& info : *tensors)
        {
            if (!requantizable(info))
            {
                reason = "tensors differ in quantization and one of them is per-axis quantized";
                return false;
            }
        }
    }
    return true;
}

bool CheckDataMovementWithSigned32Input1(const LayerInfo& layer, const char* role, std::string& reason)
{
    if (layer.m_Inputs.at(1).GetDataType() != DataType::Signed32)
    {
        reason = std::string(role) + " (input 1) must be Signed32";
        return false;
    }
    LayerInfo moved = layer;
    moved.m_Inputs.resize(1);
    return CheckDataMovement(moved, reason);
}

std::unique_ptr<IWorkload> MakeStridedCopyWorkload(const LayerInfo& layer, StridedCopyPlan plan)
{
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo output = layer.m_Outputs[0];
    return MakeTensorWorkload([input, output, plan](const ExecutionTensors& t) {
        StridedCopyConverting(plan, input, t.Input(0), output, t.Output(0));
    });
}

} // namespace ref
} // namespace armnn
