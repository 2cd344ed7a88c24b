//
// Compiling a claimed group: artifact cache, calibration and quantization of float subgraphs, cost figures.
//
#include "Program.hpp"

#include <RefWorkloadUtils.hpp>

#include <armnn/Exceptions.hpp>
#include <armnn/Logging.hpp>
#include <armnn/backends/LayerAccess.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <unistd.h>

namespace armnn
{
namespace emulated
{

namespace
{

std::atomic<size_t> g_Compiled{0};
std::atomic<size_t> g_Reused{0};
std::atomic<size_t> g_Rebuilt{0};

constexpr char kMagic[8] = {'A', 'R', 'M', 'N', 'N', 'E', 'M', 'U'};
/// Bump when the file layout or what compiling produces changes: older files are then rebuilt.
constexpr uint32_t kFormatVersion = 1;

/// FNV-1a, 64 bits: a stable hash (the same across runs and machines) for cache keys and checksums.
class Hasher
{
public:
    void Bytes(const void* data, size_t size)
    {
        const auto* p = static_cast<const uint8_t*>(data);
        for (size_t i = 0; i < size; ++i)
        {
            m_Hash = (m_Hash ^ p[i]) * 1099511628211ull;
        }
    }
    template <typename T>
    Hasher& operator<<(const T& value)
    {
        static_assert(std::is_arithmetic<T>::value || std::is_enum<T>::value, "hash fields one by one");
        Bytes(&value, sizeof(value));
        return *this;
    }
    Hasher& operator<<(const std::string& s)
    {
        *this << s.size();
        Bytes(s.data(), s.size());
        return *this;
    }
    uint64_t Get() const { return m_Hash; }

private:
    uint64_t m_Hash = 14695981039346656037ull;
};

void HashInfo(Hasher& h, const TensorInfo& info)
{
    h << info.GetNumDimensions();
    for (unsigned int d = 0; d < info.GetNumDimensions(); ++d)
    {
        h << info.GetShape()[d];
    }
    h << info.GetDataType() << info.GetQuantizationOffset();
    for (float scale : info.GetQuantizationScales())
    {
        h << scale;
    }
}

void HashDescriptor(Hasher& h, LayerType type, const BaseDescriptor& descriptor)
{
    auto conv = [&h](const auto& d) {
        h << d.m_PadLeft << d.m_PadRight << d.m_PadTop << d.m_PadBottom << d.m_StrideX << d.m_StrideY
          << d.m_DilationX << d.m_DilationY << d.m_BiasEnabled << d.m_DataLayout;
    };
    switch (type)
    {
        case LayerType::Activation:
        {
            const auto& d = static_cast<const ActivationDescriptor&>(descriptor);
            h << d.m_Function << d.m_A << d.m_B;
            break;
        }
        case LayerType::Convolution2d: conv(static_cast<const Convolution2dDescriptor&>(descriptor)); break;
        case LayerType::DepthwiseConvolution2d:
            conv(static_cast<const DepthwiseConvolution2dDescriptor&>(descriptor));
            break;
        case LayerType::ElementwiseBinary:
            h << static_cast<const ElementwiseBinaryDescriptor&>(descriptor).m_Operation;
            break;
        case LayerType::Concat:
        {
            const auto& d = static_cast<const OriginsDescriptor&>(descriptor);
            h << d.GetNumViews() << d.GetNumDimensions() << d.GetConcatAxis();
            for (uint32_t v = 0; v < d.GetNumViews(); ++v)
            {
                h.Bytes(d.GetViewOrigin(v), d.GetNumDimensions() * sizeof(uint32_t));
            }
            break;
        }
        case LayerType::Reshape:
        {
            const TensorShape& s = static_cast<const ReshapeDescriptor&>(descriptor).m_TargetShape;
            for (unsigned int d = 0; d < s.GetNumDimensions(); ++d)
            {
                h << s[d];
            }
            break;
        }
        case LayerType::Pad:
        {
            const auto& d = static_cast<const PadDescriptor&>(descriptor);
            for (const auto& pad : d.m_PadList)
            {
                h << pad.first << pad.second;
            }
            h << d.m_PadValue << d.m_PaddingMode;
            break;
        }
        case LayerType::Pooling2d:
        {
            const auto& d = static_cast<const Pooling2dDescriptor&>(descriptor);
            h << d.m_PoolType << d.m_PadLeft << d.m_PadRight << d.m_PadTop << d.m_PadBottom << d.m_PoolWidth
              << d.m_PoolHeight << d.m_StrideX << d.m_StrideY << d.m_OutputShapeRounding << d.m_PaddingMethod
              << d.m_DataLayout;
            break;
        }
        case LayerType::FullyConnected:
        {
            const auto& d = static_cast<const FullyConnectedDescriptor&>(descriptor);
            h << d.m_BiasEnabled << d.m_TransposeWeightMatrix << d.m_ConstantWeights;
            break;
        }
        case LayerType::Softmax:
        {
            const auto& d = static_cast<const SoftmaxDescriptor&>(descriptor);
            h << d.m_Beta << d.m_Axis;
            break;
        }
        case LayerType::Mean:
        {
            const auto& d = static_cast<const MeanDescriptor&>(descriptor);
            for (unsigned int axis : d.m_Axis)
            {
                h << axis;
            }
            h << d.m_KeepDims;
            break;
        }
        default: break;
    }
}

/// Identifies what compiling depends on: the device, the options that change the result, and the program.
uint64_t HashProgram(const std::string& backend, const EmulatedOptions& options, const Program& program)
{
    Hasher h;
    h << backend << options.Key() << kFormatVersion;
    for (const ProgramTensor& tensor : program.m_Tensors)
    {
        HashInfo(h, tensor.m_Info);
        h << tensor.m_Constant.size();
        h.Bytes(tensor.m_Constant.data(), tensor.m_Constant.size());
    }
    for (const ProgramStep& step : program.m_Steps)
    {
        h << step.m_Type << step.m_Name;
        HashDescriptor(h, step.m_Type, *step.m_Descriptor);
        h << step.m_FusedActivation.has_value();
        if (step.m_FusedActivation.has_value())
        {
            HashDescriptor(h, LayerType::Activation, step.m_FusedActivation.value());
        }
        for (unsigned int t : step.m_Inputs)
        {
            h << t;
        }
        for (unsigned int t : step.m_Outputs)
        {
            h << t;
        }
    }
    for (unsigned int t : program.m_Inputs)
    {
        h << t;
    }
    for (unsigned int t : program.m_Outputs)
    {
        h << t;
    }
    return h.Get();
}

//
// What compiling decides, and what the artifact file holds: each tensor's data type and quantization, and each
// step's cost figures. The operations themselves are rebuilt from the graph when the artifact is loaded.
//
struct TensorChoice
{
    DataType m_Type;
    std::vector<float> m_Scales;
    int32_t m_Offset;
    int32_t m_Dim; // -1: per tensor
};

TensorChoice ChoiceOf(const TensorInfo& info)
{
    return {info.GetDataType(), info.GetQuantizationScales(), info.GetQuantizationOffset(),
            info.GetQuantizationDim().has_value() ? static_cast<int32_t>(info.GetQuantizationDim().value()) : -1};
}

TensorInfo Apply(const TensorInfo& info, const TensorChoice& choice)
{
    TensorInfo result(info.GetShape(), choice.m_Type);
    if (choice.m_Dim >= 0)
    {
        result.SetQuantizationScales(choice.m_Scales);
        result.SetQuantizationDim(static_cast<unsigned int>(choice.m_Dim));
    }
    else if (!choice.m_Scales.empty())
    {
        result.SetQuantizationScale(choice.m_Scales[0]);
    }
    result.SetQuantizationOffset(choice.m_Offset);
    result.SetConstant(info.IsConstant());
    return result;
}

struct Compiled
{
    std::vector<TensorChoice> m_Tensors;
    std::vector<std::pair<double, double>> m_StepFigures; // MACs and bytes per image
};

template <typename T>
void Put(std::string& out, const T& value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof(value));
}

template <typename T>
bool Take(const std::string& in, size_t& pos, T& value)
{
    if (pos + sizeof(T) > in.size())
    {
        return false;
    }
    std::memcpy(&value, in.data() + pos, sizeof(T));
    pos += sizeof(T);
    return true;
}

std::string Serialize(uint64_t hash, const Compiled& compiled)
{
    std::string payload;
    Put(payload, static_cast<uint32_t>(compiled.m_Tensors.size()));
    for (const TensorChoice& t : compiled.m_Tensors)
    {
        Put(payload, static_cast<uint32_t>(t.m_Type));
        Put(payload, static_cast<uint32_t>(t.m_Scales.size()));
        for (float s : t.m_Scales)
        {
            Put(payload, s);
        }
        Put(payload, t.m_Offset);
        Put(payload, t.m_Dim);
    }
    Put(payload, static_cast<uint32_t>(compiled.m_StepFigures.size()));
    for (const auto& figures : compiled.m_StepFigures)
    {
        Put(payload, figures.first);
        Put(payload, figures.second);
    }
    Hasher checksum;
    checksum.Bytes(payload.data(), payload.size());
    std::string file(kMagic, sizeof(kMagic));
    Put(file, kFormatVersion);
    Put(file, hash);
    Put(file, checksum.Get());
    return file + payload;
}

/// Reads an artifact file; returns false with the reason when it is not a valid one for this program.
bool Deserialize(const std::string& file, uint64_t hash, const Program& program, Compiled& compiled,
                 std::string& why)
{
    size_t pos = 0;
    if (file.size() < sizeof(kMagic) || std::memcmp(file.data(), kMagic, sizeof(kMagic)) != 0)
    {
        why = "not an emulated-accelerator artifact (bad magic)";
        return false;
    }
    pos = sizeof(kMagic);
    uint32_t version = 0;
    uint64_t storedHash = 0;
    uint64_t storedChecksum = 0;
    if (!Take(file, pos, version) || !Take(file, pos, storedHash) || !Take(file, pos, storedChecksum))
    {
        why = "truncated header";
        return false;
    }
    if (version != kFormatVersion)
    {
        why = "format version " + std::to_string(version) + ", expected " + std::to_string(kFormatVersion);
        return false;
    }
    if (storedHash != hash)
    {
        why = "compiled from another subgraph or other options";
        return false;
    }
    Hasher checksum;
    checksum.Bytes(file.data() + pos, file.size() - pos);
    if (checksum.Get() != storedChecksum)
    {
        why = "corrupt (checksum mismatch)";
        return false;
    }
    uint32_t numTensors = 0;
    if (!Take(file, pos, numTensors) || numTensors != program.m_Tensors.size())
    {
        why = "corrupt (tensor count)";
        return false;
    }
    for (uint32_t t = 0; t < numTensors; ++t)
    {
        TensorChoice choice;
        uint32_t type = 0;
        uint32_t numScales = 0;
        if (!Take(file, pos, type) || !Take(file, pos, numScales) || numScales > program.m_Tensors[t].m_Info.GetNumElements())
        {
            why = "corrupt (tensor " + std::to_string(t) + ")";
            return false;
        }
        choice.m_Type = static_cast<DataType>(type);
        const std::set<DataType> known = {DataType::Float32, DataType::Float16, DataType::QAsymmS8,
                                          DataType::QAsymmU8, DataType::QSymmS8, DataType::QSymmS16,
                                          DataType::Signed32, DataType::Signed64, DataType::Boolean,
                                          DataType::BFloat16};
        if (known.count(choice.m_Type) == 0)
        {
            why = "corrupt (data type of tensor " + std::to_string(t) + ")";
            return false;
        }
        choice.m_Scales.resize(numScales);
        for (float& s : choice.m_Scales)
        {
            Take(file, pos, s);
        }
        if (!Take(file, pos, choice.m_Offset) || !Take(file, pos, choice.m_Dim))
        {
            why = "corrupt (tensor " + std::to_string(t) + ")";
            return false;
        }
        const TensorShape& shape = program.m_Tensors[t].m_Info.GetShape();
        const bool scalesFit =
            choice.m_Dim < 0 ? choice.m_Scales.size() <= 1
                             : (static_cast<unsigned int>(choice.m_Dim) < shape.GetNumDimensions() &&
                                choice.m_Scales.size() == shape[static_cast<unsigned int>(choice.m_Dim)]);
        const bool isFloat = choice.m_Type == DataType::Float32 || choice.m_Type == DataType::Float16 ||
                             choice.m_Type == DataType::BFloat16;
        const bool scalesValid = isFloat || std::all_of(choice.m_Scales.begin(), choice.m_Scales.end(),
                                                        [](float v) { return std::isfinite(v) && v > 0.0f; });
        if (!scalesFit || !scalesValid)
        {
            why = "corrupt (quantization of tensor " + std::to_string(t) + ")";
            return false;
        }
        compiled.m_Tensors.push_back(choice);
    }
    uint32_t numSteps = 0;
    if (!Take(file, pos, numSteps) || numSteps != program.m_Steps.size())
    {
        why = "corrupt (step count)";
        return false;
    }
    compiled.m_StepFigures.resize(numSteps);
    for (auto& figures : compiled.m_StepFigures)
    {
        if (!Take(file, pos, figures.first) || !Take(file, pos, figures.second))
        {
            why = "corrupt (truncated)";
            return false;
        }
    }
    return true;
}

//
// Calibration and quantization of float programs.
//

/// The layers a group depends on (not Input layers), then the group, in topological order.
std::vector<IConnectableLayer*> WithAncestors(const std::vector<IConnectableLayer*>& group)
{
    std::vector<IConnectableLayer*> order;
    std::set<const IConnectableLayer*> seen;
    std::function<void(IConnectableLayer*)> visit = [&](IConnectableLayer* layer) {
        if (!seen.insert(layer).second || layer->GetType() == LayerType::Input)
        {
            return;
        }
        for (unsigned int i = 0; i < layer->GetNumInputSlots(); ++i)
        {
            visit(const_cast<IConnectableLayer*>(&layer->GetInputSlot(i).GetConnection()->GetOwningIConnectableLayer()));
        }
        order.push_back(layer);
    };
    for (IConnectableLayer* layer : group)
    {
        visit(layer);
    }
    return order;
}

std::vector<std::vector<uint8_t>> CalibrationSamples(const EmulatedOptions& options, const TensorInfo& info,
                                                     size_t numInputs, size_t input)
{
    std::vector<std::vector<uint8_t>> samples;
    if (!options.m_CalibrationFolder.empty())
    {
        if (numInputs != 1)
        {
            throw InvalidArgumentException("CalibrationFolder supports networks with one input; this one has " +
                                           std::to_string(numInputs));
        }
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(options.m_CalibrationFolder))
        {
            if (entry.is_regular_file())
            {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const auto& path : files)
        {
            std::ifstream in(path, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (bytes.size() != info.GetNumBytes())
            {
                throw InvalidArgumentException("calibration file " + path.string() + " has " +
                                               std::to_string(bytes.size()) + " bytes; the input needs " +
                                               std::to_string(info.GetNumBytes()));
            }
            samples.emplace_back(bytes.begin(), bytes.end());
        }
        if (samples.empty())
        {
            throw InvalidArgumentException("calibration folder " + options.m_CalibrationFolder + " has no files");
        }
        return samples;
    }
    std::mt19937 random(static_cast<unsigned int>(1234 + input));
    std::uniform_real_distribution<float> uniform(options.m_CalibrationMin, options.m_CalibrationMax);
    for (unsigned int n = 0; n < options.m_CalibrationCount; ++n)
    {
        std::vector<float> values(info.GetNumElements());
        for (float& v : values)
        {
            v = uniform(random);
        }
        samples.emplace_back(reinterpret_cast<const uint8_t*>(values.data()),
                             reinterpret_cast<const uint8_t*>(values.data() + values.size()));
    }
    return samples;
}

/// Min and max of every float tensor of the group over the calibration data, by graph tensor.
std::map<const IOutputSlot*, std::pair<float, float>> Calibrate(const EmulatedOptions& options,
                                                                const std::vector<IConnectableLayer*>& group)
{
    std::vector<IInputSlot*> inputs;
    std::vector<IOutputSlot*> outputs;
    const Program program = Lower(WithAncestors(group), inputs, outputs);
    for (unsigned int t : program.m_Inputs)
    {
        if (program.m_Tensors[t].m_Info.GetDataType() != DataType::Float32 ||
            program.m_Tensors[t].m_Slot->GetOwningIConnectableLayer().GetType() != LayerType::Input)
        {
            throw InvalidArgumentException("calibration needs the subgraph to depend on Float32 network inputs only");
        }
    }
    const ProgramRunner runner(program);
    std::vector<std::vector<std::vector<uint8_t>>> samples;
    for (size_t i = 0; i < program.m_Inputs.size(); ++i)
    {
        samples.push_back(CalibrationSamples(options, program.m_Tensors[program.m_Inputs[i]].m_Info,
                                             program.m_Inputs.size(), i));
    }
    std::vector<std::vector<uint8_t>> buffers(program.m_Tensors.size());
    std::vector<void*> memory(program.m_Tensors.size(), nullptr);
    for (size_t t = 0; t < buffers.size(); ++t)
    {
        buffers[t].resize(program.m_Tensors[t].m_Info.GetNumBytes());
        memory[t] = buffers[t].data();
    }
    std::vector<uint8_t> scratch(runner.GetScratchBytes() + 64);
    void* aligned = scratch.data() + (64 - reinterpret_cast<uintptr_t>(scratch.data()) % 64) % 64;

    std::map<const IOutputSlot*, std::pair<float, float>> ranges;
    const size_t numSamples = samples.empty() ? 1 : samples[0].size();
    for (size_t n = 0; n < numSamples; ++n)
    {
        for (size_t i = 0; i < program.m_Inputs.size(); ++i)
        {
            buffers[program.m_Inputs[i]] = samples[i][n % samples[i].size()];
            memory[program.m_Inputs[i]] = buffers[program.m_Inputs[i]].data();
        }
        runner.Run(memory, aligned);
        for (size_t t = 0; t < program.m_Tensors.size(); ++t)
        {
            const ProgramTensor& tensor = program.m_Tensors[t];
            if (tensor.m_Info.GetDataType() != DataType::Float32 || !tensor.m_Constant.empty())
            {
                continue;
            }
            const auto* values = reinterpret_cast<const float*>(buffers[t].data());
            auto range = ranges.emplace(tensor.m_Slot, std::make_pair(0.0f, 0.0f)).first; // zero always in range
            for (unsigned int e = 0; e < tensor.m_Info.GetNumElements(); ++e)
            {
                range->second.first = std::min(range->second.first, values[e]);
                range->second.second = std::max(range->second.second, values[e]);
            }
        }
    }
    return ranges;
}

TensorChoice AsymmetricInt8(float min, float max)
{
    const float scale = max > min ? (max - min) / 255.0f : 1.0f / 255.0f;
    const int32_t offset = static_cast<int32_t>(std::clamp(std::round(-128.0f - min / scale), -128.0f, 127.0f));
    return {DataType::QAsymmS8, {scale}, offset, -1};
}

/// TFLite's 16x8 activations: symmetric int16, zero point 0.
TensorChoice SymmetricInt16(float min, float max)
{
    const float maxAbs = std::max(std::fabs(min), std::fabs(max));
    return {DataType::QSymmS16, {maxAbs > 0 ? maxAbs / 32767.0f : 1.0f / 32767.0f}, 0, -1};
}

TensorChoice ActivationChoice(unsigned int bits, float min, float max)
{
    return bits == 16 ? SymmetricInt16(min, max) : AsymmetricInt8(min, max);
}

/// Chooses every tensor's quantization for a float program: activations from the calibrated ranges (asymmetric int8,
/// or symmetric int16 for 16 bits; layers that only move data keep their input's), weights symmetric int8 per output
/// channel, biases int32 at input x weight scale (both bit widths).
std::vector<TensorChoice> ChooseQuantization(const Program& program,
                                             const std::map<const IOutputSlot*, std::pair<float, float>>& ranges,
                                             unsigned int bits)
{
    std::vector<TensorChoice> choices(program.m_Tensors.size());
    std::vector<bool> chosen(program.m_Tensors.size(), false);
    for (size_t t = 0; t < program.m_Tensors.size(); ++t)
    {
        const ProgramTensor& tensor = program.m_Tensors[t];
        if (tensor.m_Info.GetDataType() != DataType::Float32)
        {
            choices[t] = ChoiceOf(tensor.m_Info);
            chosen[t] = true;
        }
        else if (tensor.m_Constant.empty())
        {
            auto range = ranges.find(tensor.m_Slot);
            if (range == ranges.end())
            {
                throw InvalidArgumentException("no calibration range for a tensor of the subgraph");
            }
            choices[t] = ActivationChoice(bits, range->second.first, range->second.second);
            chosen[t] = true;
        }
    }
    // Reshape moves bytes without requantizing: its output takes its input's parameters.
    for (const ProgramStep& step : program.m_Steps)
    {
        if (step.m_Type == LayerType::Reshape)
        {
            choices[step.m_Outputs[0]] = choices[step.m_Inputs[0]];
        }
    }
    for (const ProgramStep& step : program.m_Steps)
    {
        const bool weighted = step.m_Type == LayerType::Convolution2d ||
                              step.m_Type == LayerType::DepthwiseConvolution2d ||
                              step.m_Type == LayerType::FullyConnected;
        for (size_t i = 0; i < step.m_Inputs.size(); ++i)
        {
            const unsigned int t = step.m_Inputs[i];
            const ProgramTensor& tensor = program.m_Tensors[t];
            if (chosen[t])
            {
                continue;
            }
            const auto* values = reinterpret_cast<const float*>(tensor.m_Constant.data());
            const unsigned int count = tensor.m_Info.GetNumElements();
            if (weighted && i == 1)
            {
                // The output-channel axis of the weights.
                unsigned int dim = 0;
                if (step.m_Type == LayerType::DepthwiseConvolution2d)
                {
                    dim = 3;
                }
                else if (step.m_Type == LayerType::FullyConnected &&
                         !static_cast<const FullyConnectedDescriptor&>(*step.m_Descriptor).m_TransposeWeightMatrix)
                {
                    dim = 1;
                }
                const TensorShape& shape = tensor.m_Info.GetShape();
                const unsigned int channels = shape[dim];
                unsigned int inner = 1;
                for (unsigned int d = dim + 1; d < shape.GetNumDimensions(); ++d)
                {
                    inner *= shape[d];
                }
                std::vector<float> maxAbs(channels, 0.0f);
                for (unsigned int e = 0; e < count; ++e)
                {
                    float& m = maxAbs[(e / inner) % channels];
                    m = std::max(m, std::fabs(values[e]));
                }
                std::vector<float> scales(channels);
                for (unsigned int c = 0; c < channels; ++c)
                {
                    scales[c] = maxAbs[c] > 0 ? maxAbs[c] / 127.0f : 1.0f;
                }
                choices[t] = {DataType::QSymmS8, scales, 0, static_cast<int32_t>(dim)};
            }
            else if (weighted && i == 2)
            {
                const TensorChoice& weights = choices[step.m_Inputs[1]];
                const float inputScale = choices[step.m_Inputs[0]].m_Scales[0];
                std::vector<float> scales;
                for (float s : weights.m_Scales)
                {
                    scales.push_back(s * inputScale);
                }
                choices[t] = {DataType::Signed32, scales, 0, weights.m_Dim >= 0 ? 0 : -1};
            }
            else
            {
                float min = 0.0f;
                float max = 0.0f;
                for (unsigned int e = 0; e < count; ++e)
                {
                    min = std::min(min, values[e]);
                    max = std::max(max, values[e]);
                }
                choices[t] = ActivationChoice(bits, min, max);
            }
            chosen[t] = true;
        }
    }
    return choices;
}

/// Gives the program the chosen tensor types, quantizing constant data (CpuRef's rounding).
void ApplyQuantization(Program& program, const std::vector<TensorChoice>& choices)
{
    for (size_t t = 0; t < program.m_Tensors.size(); ++t)
    {
        ProgramTensor& tensor = program.m_Tensors[t];
        const TensorInfo to = Apply(tensor.m_Info, choices[t]);
        if (!tensor.m_Constant.empty() && to.GetDataType() != tensor.m_Info.GetDataType())
        {
            std::vector<uint8_t> converted(to.GetNumBytes());
            const TensorChoice& choice = choices[t];
            if (choice.m_Dim >= 0 || to.GetDataType() == DataType::Signed32)
            {
                // Per-channel weights and biases: nearest multiple of the channel's scale (half away from zero).
                const auto* values = reinterpret_cast<const float*>(tensor.m_Constant.data());
                const TensorShape& shape = to.GetShape();
                unsigned int inner = 1;
                for (unsigned int d = static_cast<unsigned int>(std::max(choice.m_Dim, 0)) + 1;
                     choice.m_Dim >= 0 && d < shape.GetNumDimensions(); ++d)
                {
                    inner *= shape[d];
                }
                const size_t numScales = choice.m_Scales.size();
                for (unsigned int e = 0; e < to.GetNumElements(); ++e)
                {
                    const float scale = choice.m_Scales[numScales == 1 ? 0 : (e / inner) % numScales];
                    const float q = std::round(values[e] / scale);
                    if (to.GetDataType() == DataType::Signed32)
                    {
                        reinterpret_cast<int32_t*>(converted.data())[e] =
                            static_cast<int32_t>(std::clamp(q, -2147483520.0f, 2147483520.0f));
                    }
                    else
                    {
                        reinterpret_cast<int8_t*>(converted.data())[e] =
                            static_cast<int8_t>(std::clamp(q, -127.0f, 127.0f));
                    }
                }
            }
            else
            {
                ref::CopyConverting(tensor.m_Info, tensor.m_Constant.data(), to, converted.data());
            }
            tensor.m_Constant = std::move(converted);
        }
        tensor.m_Info = to;
    }
}

//
// Cost model.
//

double OutputChannels(const TensorInfo& output, DataLayout layout)
{
    const TensorShape& s = output.GetShape();
    return s[layout == DataLayout::NHWC ? s.GetNumDimensions() - 1 : 1];
}

/// MACs and activation bytes of one step for one image of the batch.
std::pair<double, double> StepFigures(const Program& program, const ProgramStep& step, unsigned int batch)
{
    const TensorInfo& out = program.m_Tensors[step.m_Outputs[0]].m_Info;
    const double outElements = out.GetNumElements();
    double macs = outElements;
    auto weights = [&]() -> double { return program.m_Tensors[step.m_Inputs[1]].m_Info.GetNumElements(); };
    switch (step.m_Type)
    {
        case LayerType::Convolution2d:
            macs = outElements * weights() /
                   OutputChannels(out, static_cast<const Convolution2dDescriptor&>(*step.m_Descriptor).m_DataLayout);
            break;
        case LayerType::DepthwiseConvolution2d:
            macs = outElements * weights() /
                   OutputChannels(out,
                                  static_cast<const DepthwiseConvolution2dDescriptor&>(*step.m_Descriptor).m_DataLayout);
            break;
        case LayerType::FullyConnected: macs = static_cast<double>(batch) * weights(); break;
        case LayerType::Pooling2d:
        {
            const auto& d = static_cast<const Pooling2dDescriptor&>(*step.m_Descriptor);
            macs = outElements * d.m_PoolWidth * d.m_PoolHeight;
            break;
        }
        case LayerType::Mean: macs = program.m_Tensors[step.m_Inputs[0]].m_Info.GetNumElements(); break;
        case LayerType::Reshape:
        case LayerType::Concat:
        case LayerType::Pad: macs = 0; break;
        default: break;
    }
    double bytes = 0;
    for (unsigned int t : step.m_Inputs)
    {
        if (program.m_Tensors[t].m_Constant.empty())
        {
            bytes += program.m_Tensors[t].m_Info.GetNumBytes();
        }
    }
    for (unsigned int t : step.m_Outputs)
    {
        bytes += program.m_Tensors[t].m_Info.GetNumBytes();
    }
    return {macs / batch, bytes / batch};
}

unsigned int BatchOf(const Program& program)
{
    const unsigned int t = program.m_Inputs.empty() ? program.m_Outputs[0] : program.m_Inputs[0];
    const TensorShape& shape = program.m_Tensors[t].m_Info.GetShape();
    return shape.GetNumDimensions() > 0 && shape[0] > 0 ? shape[0] : 1;
}

std::string Hex(uint64_t value)
{
    std::ostringstream ss;
    ss << std::hex << value;
    return ss.str();
}

} // namespace

ArtifactCounters GetArtifactCounters()
{
    return {g_Compiled.load(), g_Reused.load(), g_Rebuilt.load()};
}

double SimulatedMicroseconds(const Program& program, const CostParameters& cost, unsigned int batch)
{
    const unsigned int active = std::min(batch, cost.m_Cores);
    const unsigned int waves = (batch + cost.m_Cores - 1) / cost.m_Cores;
    const double macsPerUs = cost.m_MacsPerCycle * cost.m_ClockMHz;
    const double bytesPerUs = cost.m_BandwidthGBps * 1e3;
    double imageUs = 0;
    double weightBytes = 0;
    for (const ProgramStep& step : program.m_Steps)
    {
        // A layer is bound by its arithmetic or by moving its activations; the active cores share the bandwidth.
        imageUs += std::max(step.m_Macs / macsPerUs, step.m_Bytes * active / bytesPerUs);
    }
    for (const ProgramTensor& tensor : program.m_Tensors)
    {
        weightBytes += static_cast<double>(tensor.m_Constant.size());
    }
    // Weights are fetched once per call and broadcast to the cores; each core takes one image at a time.
    return cost.m_LaunchMicroseconds + weightBytes / bytesPerUs + waves * imageUs;
}

std::unique_ptr<Artifact> Compile(const DeviceDescription& device, const EmulatedOptions& options,
                                  const std::vector<IConnectableLayer*>& layers,
                                  std::vector<IInputSlot*>& externalInputs,
                                  std::vector<IOutputSlot*>& externalOutputs)
{
    auto artifact = std::make_unique<Artifact>();
    artifact->m_Backend = device.m_Name;
    artifact->m_Cost = options.m_Cost;
    artifact->m_SimulateLatency = options.m_SimulateLatency;
    Program& program = artifact->m_Program;
    program = Lower(layers, externalInputs, externalOutputs);
    for (unsigned int t : program.m_Inputs)
    {
        artifact->m_LayerInputs.push_back(program.m_Tensors[t].m_Info);
    }
    for (unsigned int t : program.m_Outputs)
    {
        artifact->m_LayerOutputs.push_back(program.m_Tensors[t].m_Info);
    }
    artifact->m_Batch = BatchOf(program);

    const uint64_t hash = HashProgram(device.m_Name, options, program);
    const std::filesystem::path folder(options.m_ArtifactsFolder);
    const std::filesystem::path file = folder / (device.m_Name + "-" + Hex(hash) + ".armnnart");
    artifact->m_File = file.string();

    Compiled compiled;
    bool loaded = false;
    std::error_code error;
    if (std::filesystem::exists(file, error))
    {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string why;
        if (Deserialize(bytes, hash, program, compiled, why))
        {
            loaded = true;
            ++g_Reused;
            ARMNN_LOG(info) << device.m_Name << ": reusing artifact " << file.string() << " (no compilation)";
        }
        else
        {
            ++g_Rebuilt;
            compiled = Compiled();
            ARMNN_LOG(warning) << device.m_Name << ": artifact " << file.string() << " is " << why
                               << "; compiling it again";
        }
    }

    if (!loaded)
    {
        bool isFloat = false;
        for (const ProgramTensor& tensor : program.m_Tensors)
        {
            isFloat = isFloat || (tensor.m_Constant.empty() && tensor.m_Info.GetDataType() == DataType::Float32);
        }
        if (isFloat)
        {
            compiled.m_Tensors = ChooseQuantization(program, Calibrate(options, layers), options.m_QuantizationBits);
        }
        else
        {
            for (const ProgramTensor& tensor : program.m_Tensors)
            {
                compiled.m_Tensors.push_back(ChoiceOf(tensor.m_Info));
            }
        }
    }
    ApplyQuantization(program, compiled.m_Tensors);
    if (!loaded)
    {
        for (const ProgramStep& step : program.m_Steps)
        {
            compiled.m_StepFigures.push_back(StepFigures(program, step, artifact->m_Batch));
        }
    }
    for (size_t s = 0; s < program.m_Steps.size(); ++s)
    {
        program.m_Steps[s].m_Macs = compiled.m_StepFigures[s].first;
        program.m_Steps[s].m_Bytes = compiled.m_StepFigures[s].second;
    }
    // The quantized steps must be ones CpuRef's kernels run (they do the arithmetic).
    ProgramRunner check(program);
    (void)check;

    if (!loaded)
    {
        // Written beside and renamed into place, so that a concurrent Optimize never reads half a file.
        std::filesystem::create_directories(folder, error);
        static std::atomic<unsigned int> writes{0};
        const std::filesystem::path temporary =
            file.string() + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(writes++);
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            const std::string bytes = Serialize(hash, compiled);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            if (!out.flush())
            {
                error = std::make_error_code(std::errc::io_error);
            }
        }
        if (!error)
        {
            std::filesystem::rename(temporary, file, error);
        }
        if (error)
        {
            std::filesystem::remove(temporary, error);
            ARMNN_LOG(warning) << device.m_Name << ": could not write artifact " << file.string()
                               << "; it will be compiled again next time";
        }
        ++g_Compiled;
        ARMNN_LOG(info) << device.m_Name << ": compiled " << program.m_Steps.size() << " layers into "
                        << file.string();
    }
    for (ProgramTensor& tensor : program.m_Tensors)
    {
        tensor.m_Slot = nullptr; // the graph does not outlive Optimize
    }
    return artifact;
}

} // namespace emulated
} // namespace armnn
