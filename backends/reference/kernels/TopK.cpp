//
// TopK: the m_K largest (smallest) elements along m_Axis and their indices, by value, equal values by ascending
// index. NaN counts as larger than every number (ONNX's reference implementation; ONNX Runtime's result with NaN
// depends on its selection algorithm and has no rule to follow). Values are copied element by element, so every
// type is exact; integers are compared as int64, everything else as decoded floats.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

#include <cmath>
#include <cstring>
#include <numeric>
#include <optional>

namespace armnn
{
namespace ref
{

namespace
{
/// Whether element a goes before element b.
template <typename T>
bool Before(T va, T vb, size_t ia, size_t ib, bool largest)
{
    if constexpr (std::is_floating_point_v<T>)
    {
        const bool na = std::isnan(va);
        const bool nb = std::isnan(vb);
        if (na || nb)
        {
            // NaN is the largest value: first when largest, last otherwise.
            return na && nb ? ia < ib : (largest ? na : nb);
        }
    }
    if (va != vb)
    {
        return largest ? va > vb : va < vb;
    }
    return ia < ib;
}
} // namespace

std::unique_ptr<IWorkload> CreateTopK(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<TopKDescriptor>();
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo indicesInfo = layer.m_Outputs[1];
    const TensorShape& shape = input.GetShape();
    const int rank = static_cast<int>(shape.GetNumDimensions());
    const unsigned int axis = static_cast<unsigned int>(desc.m_Axis < 0 ? desc.m_Axis + rank : desc.m_Axis);
    size_t outer = 1;
    size_t inner = 1;
    for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
    {
        if (d < axis)
        {
            outer *= shape[d];
        }
        else if (d > axis)
        {
            inner *= shape[d];
        }
    }
    const size_t n = shape[axis];
    const size_t k = desc.m_K;
    const bool largest = desc.m_Largest;
    const size_t elementSize = GetDataTypeSize(input.GetDataType());
    const bool integer = input.GetDataType() == DataType::Signed32 || input.GetDataType() == DataType::Signed64;
    const std::optional<TensorInfo> kInfo =
        desc.m_KInput ? std::optional<TensorInfo>(layer.m_Inputs[1]) : std::nullopt;
    const std::string name = layer.m_Name;

    auto select = [=](const auto& keys, const ExecutionTensors& t) {
        const auto* from = static_cast<const uint8_t*>(t.Input(0));
        auto* values = static_cast<uint8_t*>(t.Output(0));
        std::vector<int64_t> indices(outer * k * inner);
        std::vector<size_t> order(n);
        for (size_t o = 0; o < outer; ++o)
        {
            for (size_t i = 0; i < inner; ++i)
            {
                const size_t base = o * n * inner + i;
                std::iota(order.begin(), order.end(), size_t{0});
                std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                                  [&](size_t a, size_t b) {
                                      return Before(keys[base + a * inner], keys[base + b * inner], a, b, largest);
                                  });
                for (size_t j = 0; j < k; ++j)
                {
                    const size_t to = o * k * inner + j * inner + i;
                    std::memcpy(values + to * elementSize, from + (base + order[j] * inner) * elementSize,
                                elementSize);
                    indices[to] = static_cast<int64_t>(order[j]);
                }
            }
        }
        EncodeFromInt64(indicesInfo, indices.data(), t.Output(1));
    };
    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        if (kInfo)
        {
            const int64_t runtimeK = DecodeToInt64(*kInfo, t.Input(1)).at(0);
            if (runtimeK != static_cast<int64_t>(k))
            {
                throw InvalidArgumentException("TopK '" + name + "': K is " + std::to_string(runtimeK) +
                                               " at run time, but the network was built for K = " +
                                               std::to_string(k));
            }
        }
        if (integer)
        {
            select(DecodeToInt64(input, t.Input(0)), t);
        }
        else
        {
            select(DecodeToFloat(input, t.Input(0)), t);
        }
    });
}

bool CheckTopK(const LayerInfo& layer, std::string& reason)
{
    const TensorInfo& in = layer.m_Inputs[0];
    const TensorInfo& values = layer.m_Outputs.at(0);
    if (values.GetDataType() != in.GetDataType() ||
        (in.IsQuantized() && (values.GetQuantizationScale() != in.GetQuantizationScale() ||
                              values.GetQuantizationOffset() != in.GetQuantizationOffset())))
    {
        reason = "output 0 (values) must have input 0's data type and quantization";
        return false;
    }
    const DataType indices = layer.m_Outputs.at(1).GetDataType();
    if (indices != DataType::Signed32 && indices != DataType::Signed64)
    {
        reason = "output 1 (indices) must be Signed32 or Signed64";
        return false;
    }
    if (layer.m_Inputs.size() > 1 && layer.m_Inputs[1].GetDataType() != DataType::Signed32 &&
        layer.m_Inputs[1].GetDataType() != DataType::Signed64)
    {
        reason = "input 1 (K) must be Signed32 or Signed64";
        return false;
    }
    return true;
}

} // namespace ref
} // namespace armnn
