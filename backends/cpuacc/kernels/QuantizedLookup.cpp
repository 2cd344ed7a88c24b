//
// 8-bit layers whose every output element depends on one input element alone: Activation (sigmoid, tanh,
// hard swish, ...), Quantize (float or 8-bit to 8-bit) and Dequantize (8-bit to float). For an 8-bit input each
// is a table of CpuRef's result for the 256 stored values, built once at load with the arithmetic CpuRef itself
// uses (QuantizedArithmetic's Activate and QuantizedActivation, TensorConversion's decode and encode), so the
// lookup is CpuRef's result bit for bit. Float input to Quantize is encoded by TensorConversion directly.
//
#include "../CpuAccKernels.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <array>
#include <cstring>
#include <numeric>

namespace armnn
{
namespace cpuacc
{

namespace
{
bool Is8Bit(DataType type)
{
    return type == DataType::QAsymmS8 || type == DataType::QAsymmU8;
}

/// The tensor's quantization on the 256 stored values, byte b at index b.
TensorInfo Flat256(const TensorInfo& info)
{
    TensorInfo flat = info;
    flat.SetShape(TensorShape({256}));
    return flat;
}

std::array<uint8_t, 256> AllBytes()
{
    std::array<uint8_t, 256> bytes{};
    std::iota(bytes.begin(), bytes.end(), uint8_t{0});
    return bytes;
}

/// The real value of each stored byte of `info`.
std::vector<float> DecodeAll(const TensorInfo& info)
{
    const std::array<uint8_t, 256> bytes = AllBytes();
    return DecodeToFloat(Flat256(info), bytes.data());
}

/// `values` (one per stored input byte) encoded in `info`'s 8-bit type.
std::array<uint8_t, 256> EncodeAll(const TensorInfo& info, const std::vector<float>& values)
{
    std::array<uint8_t, 256> table{};
    EncodeFromFloat(Flat256(info), values.data(), table.data());
    return table;
}

/// out[i] = table[in[i]] for elements of any size (8-bit or float outputs).
template <typename Out>
class TableWorkload final : public IWorkload
{
public:
    TableWorkload(const std::array<Out, 256>& table, size_t count) : m_Table(table), m_Count(count) {}

    void Execute(const ExecutionTensors& tensors) const override
    {
        const uint8_t* in = tensors.Input<uint8_t>(0);
        Out* out = tensors.Output<Out>(0);
        for (size_t i = 0; i < m_Count; ++i)
        {
            out[i] = m_Table[in[i]];
        }
    }

private:
    std::array<Out, 256> m_Table;
    size_t m_Count;
};

/// Float32 to an 8-bit type with TensorConversion's encoder (CpuRef's Quantize).
class EncodeWorkload final : public IWorkload
{
public:
    explicit EncodeWorkload(const TensorInfo& output) : m_Output(output) {}

    void Execute(const ExecutionTensors& tensors) const override
    {
        EncodeFromFloat(m_Output, tensors.Input<float>(0), tensors.Output(0));
    }

private:
    TensorInfo m_Output;
};

bool CheckPerTensor(const LayerInfo& layer, std::string& reason)
{
    for (const TensorInfo* info : {&layer.m_Inputs[0], &layer.m_Outputs[0]})
    {
        if (info->HasPerAxisQuantization())
        {
            reason = "per-axis quantization is not supported";
            return false;
        }
    }
    return true;
}
} // namespace

bool CheckQuantizedActivationTable(const LayerInfo& layer, std::string& reason)
{
    if (!Is8Bit(layer.m_Outputs[0].GetDataType()))
    {
        reason = "8-bit activations need an 8-bit output";
        return false;
    }
    return CheckPerTensor(layer, reason);
}

std::unique_ptr<IWorkload> CreateQuantizedActivationTable(const LayerInfo& layer)
{
    const TensorInfo& in = layer.m_Inputs[0];
    const TensorInfo& out = layer.m_Outputs[0];
    const auto& desc = layer.GetDescriptor<ActivationDescriptor>();
    std::array<uint8_t, 256> table{};
    if (QuantizedActivation::Applies(in, out, desc))
    {
        // CpuRef's integer form (TFLite's hard swish, leaky ReLu).
        const std::array<uint8_t, 256> bytes = AllBytes();
        std::vector<int32_t> values = ReadQuantized(Flat256(in), bytes.data(), in.GetQuantizationOffset());
        const QuantizedActivation activate(in, out, desc);
        for (int32_t& v : values)
        {
            v = activate(v);
        }
        WriteQuantized(Flat256(out), values.data(), table.data());
    }
    else
    {
        // CpuRef's float form: decode, activate, encode.
        std::vector<float> values = DecodeAll(in);
        for (float& v : values)
        {
            v = Activate(v, desc);
        }
        table = EncodeAll(out, values);
    }
    return std::make_unique<TableWorkload<uint8_t>>(table, in.GetNumElements());
}

bool CheckQuantize(const LayerInfo& layer, std::string& reason)
{
    const DataType in = layer.m_Inputs[0].GetDataType();
    if (!Is8Bit(layer.m_Outputs[0].GetDataType()) || (in != DataType::Float32 && !Is8Bit(in)))
    {
        reason = "Quantize: only Float32, QAsymmS8 or QAsymmU8 to QAsymmS8 or QAsymmU8";
        return false;
    }
    if (!(layer.m_Outputs[0].GetQuantizationScale() > 0.0f))
    {
        reason = "output quantization scale must be positive";
        return false;
    }
    return CheckPerTensor(layer, reason);
}

std::unique_ptr<IWorkload> CreateQuantize(const LayerInfo& layer)
{
    const TensorInfo& in = layer.m_Inputs[0];
    const TensorInfo& out = layer.m_Outputs[0];
    if (in.GetDataType() == DataType::Float32)
    {
        return std::make_unique<EncodeWorkload>(out);
    }
    return std::make_unique<TableWorkload<uint8_t>>(EncodeAll(out, DecodeAll(in)), in.GetNumElements());
}

bool CheckDequantize(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_Outputs[0].GetDataType() != DataType::Float32)
    {
        reason = "Dequantize: only to Float32";
        return false;
    }
    return CheckPerTensor(layer, reason);
}

std::unique_ptr<IWorkload> CreateDequantize(const LayerInfo& layer)
{
    const std::vector<float> values = DecodeAll(layer.m_Inputs[0]);
    std::array<float, 256> table{};
    std::copy(values.begin(), values.end(), table.begin());
    return std::make_unique<TableWorkload<float>>(table, layer.m_Inputs[0].GetNumElements());
}

std::array<uint8_t, 256> RequantizationTable(const TensorInfo& from, const TensorInfo& to)
{
    return EncodeAll(to, DecodeAll(from));
}

} // namespace cpuacc
} // namespace armnn
